package io.gitops4j.samples.folder;

import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.testkit.contract.HistoryStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's history store contract, kept by the folder target's run records. */
class FolderHistoryStoreContractTest extends HistoryStoreContract {
    @TempDir
    Path folder;

    @Override
    protected HistoryStore newStore(int limit) {
        return new FolderHistoryStore(folder, limit);
    }
}
