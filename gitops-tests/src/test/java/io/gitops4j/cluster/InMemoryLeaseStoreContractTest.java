package io.gitops4j.cluster;

import io.gitops4j.testkit.cluster.InMemoryLeaseStore;
import io.gitops4j.testkit.contract.LeaseStoreContract;

/** The testkit's lease store contract, kept by its in-memory store. */
class InMemoryLeaseStoreContractTest extends LeaseStoreContract {
    @Override
    protected LeaseStore newStore() {
        return new InMemoryLeaseStore().connection("contract");
    }
}
