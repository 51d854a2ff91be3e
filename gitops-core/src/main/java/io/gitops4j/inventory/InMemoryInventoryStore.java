package io.gitops4j.inventory;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link InventoryStore} that keeps inventories in memory, for tests, demos and targets without a place to
 * persist them. Inventories are lost when the process ends.
 *
 * <p>Thread-safe: saves are atomic replacements, so a concurrent reader sees the old or the new inventory.
 */
public final class InMemoryInventoryStore implements InventoryStore {
    private final ConcurrentMap<String, Inventory> inventories = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryInventoryStore() {
    }

    @Override
    public Optional<Inventory> load(String application) {
        requireNonNull(application, "application is null");
        return Optional.ofNullable(inventories.get(application));
    }

    @Override
    public void save(Inventory inventory) {
        requireNonNull(inventory, "inventory is null");
        inventories.put(inventory.application(), inventory);
    }

    /**
     * Forgets an application's inventory, as if it had never applied anything.
     *
     * @param application the application name
     */
    public void remove(String application) {
        requireNonNull(application, "application is null");
        inventories.remove(application);
    }
}
