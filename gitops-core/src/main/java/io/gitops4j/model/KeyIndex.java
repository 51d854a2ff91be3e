package io.gitops4j.model;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Collection;
import java.util.function.Function;

/**
 * Indexes values by key in one linear pass when they already come in strictly increasing key order, as they do
 * when one sorted state is derived from another; stateless.
 */
final class KeyIndex {
    private KeyIndex() {
    }

    /**
     * Returns the values by key when they are in strictly increasing key order.
     *
     * @param values the values
     * @param keyOf the key of a value
     * @param <V> the value type
     * @return the sorted map, or {@code null} when the values are out of order or a key repeats (the caller then
     *     sorts, and reports duplicates in its own words)
     */
    static <V> ImmutableSortedMap<ResourceKey, V> ifSorted(Collection<V> values, Function<V, ResourceKey> keyOf) {
        ResourceKey previous = null;
        for (V value : values) {
            ResourceKey key = keyOf.apply(value);
            if (previous != null && previous.compareTo(key) >= 0) {
                return null;
            }
            previous = key;
        }
        ImmutableSortedMap.Builder<ResourceKey, V> builder = ImmutableSortedMap.naturalOrder();
        for (V value : values) {
            builder.put(keyOf.apply(value), value);
        }
        return builder.buildOrThrow();
    }
}
