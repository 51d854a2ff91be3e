package io.gitops4j.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a target reported for the keys it was asked about: each key that exists live maps to its
 * {@link LiveResource}; keys that do not exist are absent.
 *
 * <p>Immutable and thread-safe.
 */
public final class LiveState {
    private static final LiveState EMPTY = new LiveState(ImmutableSortedMap.of());

    private final ImmutableSortedMap<ResourceKey, LiveResource> resources;

    private LiveState(ImmutableSortedMap<ResourceKey, LiveResource> resources) {
        this.resources = resources;
    }

    /**
     * Returns a state where nothing exists.
     *
     * @return the empty state
     */
    public static LiveState empty() {
        return EMPTY;
    }

    /**
     * Builds a live state.
     *
     * @param resources the live objects, in any order
     * @return the state
     * @throws IllegalArgumentException when two objects share a key
     */
    public static LiveState of(Collection<LiveResource> resources) {
        requireNonNull(resources, "resources is null");
        ImmutableSortedMap<ResourceKey, LiveResource> sorted = KeyIndex.ifSorted(resources, LiveResource::key);
        if (sorted != null) {
            return new LiveState(sorted);
        }
        TreeMap<ResourceKey, LiveResource> map = new TreeMap<>();
        for (LiveResource resource : resources) {
            if (map.put(resource.key(), resource) != null) {
                throw new IllegalArgumentException("duplicate live object " + resource.key());
            }
        }
        return new LiveState(ImmutableSortedMap.copyOfSorted(map));
    }

    /**
     * Returns the live objects sorted by key.
     *
     * @return an unmodifiable sorted map
     */
    public SortedMap<ResourceKey, LiveResource> resources() {
        return resources;
    }

    /**
     * Returns the live object with a key.
     *
     * @param key the key
     * @return the object, or empty when it does not exist
     */
    public Optional<LiveResource> get(ResourceKey key) {
        return Optional.ofNullable(resources.get(key));
    }

    /**
     * Tells whether an object exists live.
     *
     * @param key the key
     * @return {@code true} when present
     */
    public boolean contains(ResourceKey key) {
        return resources.containsKey(key);
    }

    /**
     * Returns the number of live objects.
     *
     * @return the size
     */
    public int size() {
        return resources.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LiveState that && resources.equals(that.resources);
    }

    @Override
    public int hashCode() {
        return resources.hashCode();
    }

    @Override
    public String toString() {
        return "LiveState{resources=" + resources.size() + "}";
    }
}
