package io.gitops4j.inventory;

import java.util.Optional;

/**
 * Persists each application's {@link Inventory}, so that a restarted process knows what it owns.
 *
 * <p>{@link #save} must be atomic: a reader sees the old or the new inventory, never a mix. Implementations are
 * thread-safe. Failures are {@link io.gitops4j.TargetException}s.
 */
public interface InventoryStore {

    /**
     * Loads the inventory of an application.
     *
     * @param application the application name
     * @return the inventory, or empty when the application never saved one
     */
    Optional<Inventory> load(String application);

    /**
     * Saves (replaces) the inventory of its application, atomically.
     *
     * @param inventory the inventory to store
     */
    void save(Inventory inventory);
}
