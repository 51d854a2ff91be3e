package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.FieldChange;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/**
 * One resource whose live state differs from the revision already applied: which resource, what the engine
 * would do about it, and the JSON Pointer paths of the fields that differ.
 *
 * @param key the resource
 * @param action {@link ChangeType#CREATE} when it is gone, {@link ChangeType#UPDATE} when fields differ,
 *     {@link ChangeType#DELETE} when an owned resource is no longer declared
 * @param paths JSON Pointer paths of the differing fields, e.g. {@code /spec/replicas}; empty for a whole object
 */
public record Drift(ResourceKey key, ChangeType action, List<String> paths) {

    /** Validates and copies the components. */
    public Drift {
        requireNonNull(key, "key is null");
        requireNonNull(action, "action is null");
        paths = List.copyOf(requireNonNull(paths, "paths is null"));
    }

    /**
     * Lists the drift a plan made against an already applied revision shows.
     *
     * @param plan the plan of a run whose revision was already applied
     * @return one entry per planned create, update or delete, in plan order
     */
    public static List<Drift> of(Plan plan) {
        List<Drift> drift = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            if (step.action() == ChangeType.NONE) {
                continue;
            }
            List<String> paths = step.diff().changes().stream().map(FieldChange::path).distinct().toList();
            drift.add(new Drift(step.key(), step.action(), paths));
        }
        return List.copyOf(drift);
    }

    /** Renders as {@code UPDATE Deployment/shop/web [/spec/replicas]}. */
    @Override
    public String toString() {
        return action + " " + key + " " + paths;
    }
}
