package io.gitops4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.inventory.Inventory;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link InventoryStore} keeps, as a JUnit 5 suite: extend it, implement {@link #newStore()}, and
 * the cases run against your store.
 *
 * <pre>{@code
 * class FileInventoryStoreContractTest extends InventoryStoreContract {
 *     @TempDir Path dir;
 *     @Override protected InventoryStore newStore() { return new FileInventoryStore(dir); }
 * }
 * }</pre>
 *
 * <p>The cases: an application that never saved loads empty; a save loads back with its keys and revision; a save
 * replaces the previous one; applications do not see each other's inventories; concurrent saves (four of one
 * application, each of which must succeed, beside saves of others) leave one whole inventory, never a mix.
 * Application names are short DNS labels starting with {@code contract-}.
 */
public abstract class InventoryStoreContract {
    private static final Revision R1 = new Revision("0f3c9a1d2b4e6f8091a2b3c4d5e6f708192a3b4c",
            "sha256:7d4e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6");
    private static final Revision R2 = Revision.of("r2");

    /**
     * Creates the store under test, empty of the contract's applications; each case gets its own.
     *
     * @return the store
     */
    protected abstract InventoryStore newStore();

    private static ResourceKey configMap(String name) {
        return ResourceKey.of("", "ConfigMap", "contract", name);
    }

    private static List<ResourceKey> keys() {
        return List.of(ResourceKey.of("", "Namespace", "", "contract"), configMap("settings"),
                ResourceKey.of("apps", "Deployment", "contract", "web"),
                ResourceKey.of("example.org", "Widget", "contract", "w-1"));
    }

    @Test
    void anApplicationThatNeverSavedLoadsEmpty() {
        assertThat(newStore().load("contract-unknown")).isEmpty();
    }

    @Test
    void aSavedInventoryLoadsBackWithItsKeysAndRevision() {
        InventoryStore store = newStore();
        Inventory saved = Inventory.of("contract-shop", R1, keys());

        store.save(saved);

        Inventory loaded = store.load("contract-shop").orElseThrow();
        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.keys()).containsExactlyElementsOf(saved.keys());
        assertThat(loaded.revision()).contains(R1);
    }

    @Test
    void aSaveReplacesThePreviousInventory() {
        InventoryStore store = newStore();
        store.save(Inventory.of("contract-shop", R1, keys()));

        store.save(Inventory.of("contract-shop", R2, List.of(configMap("settings"))));

        Inventory loaded = store.load("contract-shop").orElseThrow();
        assertThat(loaded.keys()).containsExactly(configMap("settings"));
        assertThat(loaded.revision()).contains(R2);
    }

    @Test
    void applicationsDoNotSeeEachOthersInventories() {
        InventoryStore store = newStore();
        Inventory shop = Inventory.of("contract-shop", R1, List.of(configMap("shop")));
        Inventory blog = Inventory.of("contract-blog", R2, List.of(configMap("blog")));

        store.save(shop);
        store.save(blog);
        store.save(Inventory.of("contract-shop", R2, List.of()));

        assertThat(store.load("contract-blog")).contains(blog);
        assertThat(store.load("contract-shop").orElseThrow().keys()).isEmpty();
    }

    @Test
    void concurrentSavesLeaveOneWholeInventory() throws Exception {
        InventoryStore store = newStore();
        List<Inventory> race = IntStream.range(0, 4).mapToObj(i -> Inventory.of("contract-race",
                Revision.of("r" + i), IntStream.rangeClosed(0, i).mapToObj(k -> configMap("c" + k)).toList()))
                .toList();
        List<Inventory> others = IntStream.range(0, 4).mapToObj(i -> Inventory.of("contract-other-" + i,
                Revision.of("r" + i), List.of(configMap("o" + i)))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Inventory mine = race.get(i);
                Inventory other = others.get(i);
                saves.add(pool.submit(() -> store.save(mine)));
                saves.add(pool.submit(() -> store.save(other)));
            }
            for (Future<?> save : saves) {
                save.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.load("contract-race").orElseThrow()).isIn(race);
        assertThat(others).allSatisfy(other -> assertThat(store.load(other.application())).contains(other));
    }
}
