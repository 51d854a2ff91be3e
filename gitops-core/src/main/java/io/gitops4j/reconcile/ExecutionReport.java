package io.gitops4j.reconcile;

import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What executing some plan steps did: one {@link StepResult} per step in execution order, which keys were applied,
 * deleted or released from the inventory, and the health the target reported for the applied objects.
 *
 * @param steps the step results, in execution order
 * @param applied the keys applied (or validated, in a dry run)
 * @param deleted the keys deleted
 * @param released the keys kept out of the deletions and released from the inventory
 * @param health the health of each applied key as the apply reported it; empty in a dry run
 */
record ExecutionReport(List<StepResult> steps, SortedSet<ResourceKey> applied, SortedSet<ResourceKey> deleted,
        SortedSet<ResourceKey> released, SortedMap<ResourceKey, Health> health) {
    /** A report of nothing executed. */
    static final ExecutionReport NONE = new ExecutionReport(List.of(), new TreeSet<>(), new TreeSet<>(),
            new TreeSet<>(), new TreeMap<>());

    /** Copies the components into unmodifiable ones. */
    ExecutionReport {
        steps = List.copyOf(steps);
        applied = Collections.unmodifiableSortedSet(new TreeSet<>(applied));
        deleted = Collections.unmodifiableSortedSet(new TreeSet<>(deleted));
        released = Collections.unmodifiableSortedSet(new TreeSet<>(released));
        health = Collections.unmodifiableSortedMap(new TreeMap<>(health));
    }

    /** Tells whether a step applied or deleted something. */
    boolean executedAny() {
        return steps.stream().anyMatch(s -> s.status() == StepResult.Status.APPLIED
                || s.status() == StepResult.Status.DELETED);
    }

    /** Returns this report followed by a later one. */
    ExecutionReport then(ExecutionReport later) {
        List<StepResult> allSteps = new ArrayList<>(steps);
        allSteps.addAll(later.steps);
        return new ExecutionReport(allSteps, union(applied, later.applied), union(deleted, later.deleted),
                union(released, later.released), merged(health, later.health));
    }

    private static SortedSet<ResourceKey> union(Set<ResourceKey> first, Set<ResourceKey> second) {
        SortedSet<ResourceKey> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }

    private static SortedMap<ResourceKey, Health> merged(Map<ResourceKey, Health> first,
            Map<ResourceKey, Health> second) {
        SortedMap<ResourceKey, Health> all = new TreeMap<>(first);
        all.putAll(second);
        return all;
    }
}
