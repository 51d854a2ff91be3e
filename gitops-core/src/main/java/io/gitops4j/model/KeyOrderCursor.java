package io.gitops4j.model;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * Walks entries that are in strictly increasing key order alongside another walk in key order, finding each key's
 * entry without a map lookup: the way a result computed last time is matched, key by key, with the inputs of this
 * time. Keys are compared by {@link ResourceKey#compareTo}, which answers at once for the very same key object.
 * Single-threaded; one walk.
 *
 * @param <T> the entry type
 */
public final class KeyOrderCursor<T> {
    private final T[] entries;
    private final Function<T, ResourceKey> keyOf;
    private int index;

    /**
     * Starts a walk.
     *
     * @param entries the entries, in strictly increasing key order; not copied, not changed
     * @param keyOf the key of an entry
     */
    public KeyOrderCursor(T[] entries, Function<T, ResourceKey> keyOf) {
        this.entries = requireNonNull(entries, "entries is null");
        this.keyOf = requireNonNull(keyOf, "keyOf is null");
    }

    /**
     * Returns the entry the cursor is at, without moving.
     *
     * @return the next entry, or {@code null} at the end
     */
    public T peek() {
        return index < entries.length ? entries[index] : null;
    }

    /** Moves past the entry the cursor is at (after {@link #peek()} returned it). */
    public void advance() {
        index++;
    }

    /**
     * Returns the entry of a key and moves past it, skipping entries of smaller keys; keys must be asked in
     * increasing order.
     *
     * @param key the key
     * @return the entry of that key, or {@code null} when there is none
     */
    public T seek(ResourceKey key) {
        while (index < entries.length) {
            T candidate = entries[index];
            int order = keyOf.apply(candidate).compareTo(key);
            if (order > 0) {
                return null;
            }
            index++;
            if (order == 0) {
                return candidate;
            }
        }
        return null;
    }
}
