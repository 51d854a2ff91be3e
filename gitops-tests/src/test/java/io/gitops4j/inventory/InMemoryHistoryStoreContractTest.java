package io.gitops4j.inventory;

import io.gitops4j.testkit.contract.HistoryStoreContract;

class InMemoryHistoryStoreContractTest extends HistoryStoreContract {

    @Override
    protected HistoryStore newStore(int limit) {
        return new InMemoryHistoryStore(limit);
    }
}
