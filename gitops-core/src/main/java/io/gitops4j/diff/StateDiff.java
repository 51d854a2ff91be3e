package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import io.gitops4j.model.ResourceKey;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The per-resource differences between a desired and a live state, sorted by key. Immutable and thread-safe.
 */
public final class StateDiff {
    private final List<ResourceDiff> sorted;
    private volatile ImmutableSortedMap<ResourceKey, ResourceDiff> map;

    private StateDiff(List<ResourceDiff> sorted) {
        this.sorted = sorted;
    }

    /**
     * Builds a state diff.
     *
     * @param diffs one diff per resource, in any order
     * @return the state diff
     * @throws IllegalArgumentException when two diffs share a key
     */
    public static StateDiff of(Collection<ResourceDiff> diffs) {
        requireNonNull(diffs, "diffs is null");
        if (strictlyIncreasing(diffs)) {
            return new StateDiff(List.copyOf(diffs));
        }
        TreeMap<ResourceKey, ResourceDiff> map = new TreeMap<>();
        for (ResourceDiff diff : diffs) {
            if (map.put(diff.key(), diff) != null) {
                throw new IllegalArgumentException("duplicate diff for " + diff.key());
            }
        }
        return new StateDiff(List.copyOf(map.values()));
    }

    private static boolean strictlyIncreasing(Collection<ResourceDiff> diffs) {
        ResourceKey previous = null;
        for (ResourceDiff diff : diffs) {
            requireNonNull(diff, "diff is null");
            if (previous != null && previous.compareTo(diff.key()) >= 0) {
                return false;
            }
            previous = diff.key();
        }
        return true;
    }

    /**
     * Returns every resource's diff in key order (in-sync resources included); the cheapest way to walk them.
     *
     * @return an unmodifiable list sorted by key
     */
    public List<ResourceDiff> inKeyOrder() {
        return sorted;
    }

    /**
     * Returns every resource's diff, sorted by key (in-sync resources included).
     *
     * @return an unmodifiable sorted map
     */
    public SortedMap<ResourceKey, ResourceDiff> resources() {
        ImmutableSortedMap<ResourceKey, ResourceDiff> result = map;
        if (result == null) {
            ImmutableSortedMap.Builder<ResourceKey, ResourceDiff> builder = ImmutableSortedMap.naturalOrder();
            for (ResourceDiff diff : sorted) {
                builder.put(diff.key(), diff);
            }
            result = builder.buildOrThrow();
            map = result;
        }
        return result;
    }

    /**
     * Returns how many resources this diff covers, in-sync ones included.
     *
     * @return the number of resource diffs
     */
    public int size() {
        return sorted.size();
    }

    /**
     * Returns the diffs that need a change, sorted by key.
     *
     * @return an unmodifiable list without {@link ChangeType#NONE}
     */
    public List<ResourceDiff> changed() {
        return sorted.stream().filter(ResourceDiff::hasChanges).toList();
    }

    /**
     * Tells whether anything must change.
     *
     * @return {@code true} when some diff is not {@link ChangeType#NONE}
     */
    public boolean hasChanges() {
        for (ResourceDiff diff : sorted) {
            if (diff.hasChanges()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts the diffs of one type.
     *
     * @param type the change type
     * @return how many resources have it
     */
    public int count(ChangeType type) {
        int count = 0;
        for (ResourceDiff diff : sorted) {
            if (diff.type() == type) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "StateDiff{create=" + count(ChangeType.CREATE) + ", update=" + count(ChangeType.UPDATE)
                + ", delete=" + count(ChangeType.DELETE) + ", none=" + count(ChangeType.NONE) + "}";
    }
}
