package io.gitops4j.samples.demo;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.StateDiff;
import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one demo step did.
 *
 * @param title the step's heading
 * @param drift the drift detected before the step reconciled, for the drift step; empty otherwise
 * @param result the reconcile run of the step
 * @param health the health of every declared resource after the step
 * @param notes facts the step checked on the live system, as printed
 */
public record DemoStep(String title, Optional<StateDiff> drift, ReconcileResult result,
        SortedMap<ResourceKey, Health> health, List<String> notes) {

    /** Validates and copies the components. */
    public DemoStep {
        requireNonNull(title, "title is null");
        requireNonNull(drift, "drift is null");
        requireNonNull(result, "result is null");
        health = Collections.unmodifiableSortedMap(new TreeMap<>(health));
        notes = List.copyOf(notes);
    }
}
