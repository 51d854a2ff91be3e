package io.gitops4j.inventory;

import io.gitops4j.testkit.contract.InventoryStoreContract;

class InMemoryInventoryStoreContractTest extends InventoryStoreContract {

    @Override
    protected InventoryStore newStore() {
        return new InMemoryInventoryStore();
    }
}
