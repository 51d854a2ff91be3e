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
    private final ImmutableSortedMap<ResourceKey, ResourceDiff> diffs;

    private StateDiff(ImmutableSortedMap<ResourceKey, ResourceDiff> diffs) {
        this.diffs = diffs;
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
        TreeMap<ResourceKey, ResourceDiff> map = new TreeMap<>();
        for (ResourceDiff diff : diffs) {
            if (map.put(diff.key(), diff) != null) {
                throw new IllegalArgumentException("duplicate diff for " + diff.key());
            }
        }
        return new StateDiff(ImmutableSortedMap.copyOfSorted(map));
    }

    /**
     * Returns every resource's diff, sorted by key (in-sync resources included).
     *
     * @return an unmodifiable sorted map
     */
    public SortedMap<ResourceKey, ResourceDiff> resources() {
        return diffs;
    }

    /**
     * Returns the diffs that need a change, sorted by key.
     *
     * @return an unmodifiable list without {@link ChangeType#NONE}
     */
    public List<ResourceDiff> changed() {
        return diffs.values().stream().filter(ResourceDiff::hasChanges).toList();
    }

    /**
     * Tells whether anything must change.
     *
     * @return {@code true} when some diff is not {@link ChangeType#NONE}
     */
    public boolean hasChanges() {
        return diffs.values().stream().anyMatch(ResourceDiff::hasChanges);
    }

    /**
     * Counts the diffs of one type.
     *
     * @param type the change type
     * @return how many resources have it
     */
    public int count(ChangeType type) {
        return (int) diffs.values().stream().filter(d -> d.type() == type).count();
    }

    @Override
    public String toString() {
        return "StateDiff{create=" + count(ChangeType.CREATE) + ", update=" + count(ChangeType.UPDATE)
                + ", delete=" + count(ChangeType.DELETE) + ", none=" + count(ChangeType.NONE) + "}";
    }
}
