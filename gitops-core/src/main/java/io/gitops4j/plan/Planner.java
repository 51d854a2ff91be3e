package io.gitops4j.plan;

import io.gitops4j.PlanException;
import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Orders a {@link StateDiff} into a {@link Plan}.
 *
 * <p>The rules: creates, updates and in-sync resources are ordered by (wave, kind priority, key), where the wave
 * is the integer in the desired object's {@code gitops4j.io/wave} annotation (else Argo CD's
 * {@code argocd.argoproj.io/sync-wave}, else 0) and kinds rank Namespace, CustomResourceDefinition,
 * ServiceAccount and RBAC, ConfigMap/Secret/storage, Service, workloads, others. Deletions come after every
 * apply, in the reverse order (highest wave first), except that CustomResourceDefinitions are deleted after
 * every other deletion and Namespaces last, so custom resources go before their CRD and namespaced objects before
 * their Namespace. A deletion's wave comes from the live object's annotations.
 *
 * <p>A pure function: the same diff always gives an equal plan, and the planner keeps nothing between calls.
 * {@link #plan(StateDiff)} is {@link #step} of each resource followed by {@link #order}; callers that already
 * hold the step of an unchanged resource diff may pass it to {@link #order} again. Stateless and thread-safe.
 */
public final class Planner {
    private static final Planner DEFAULTS = new Planner();

    /* Steps arrive sorted by key and List.sort is stable, so sorting by wave and kind alone yields
       (wave, kind, key) order without comparing keys; deletes are reversed first for reverse keys. */
    private static final Comparator<Ordered> APPLY_ORDER = Comparator.comparingInt(Ordered::wave)
            .thenComparingInt(Ordered::rank);

    private static final Comparator<Ordered> DELETE_ORDER = Comparator.comparingInt(Ordered::tier)
            .thenComparing(APPLY_ORDER.reversed());

    private Planner() {
    }

    /**
     * Returns the planner with the standard ordering rules.
     *
     * @return the shared planner
     */
    public static Planner defaults() {
        return DEFAULTS;
    }

    /**
     * Plans a diff.
     *
     * @param diff the per-resource differences
     * @return the ordered plan
     * @throws PlanException when a resource's wave annotation is not an integer, naming the resource
     */
    public Plan plan(StateDiff diff) {
        requireNonNull(diff, "diff is null");
        List<ResourceDiff> resources = diff.inKeyOrder();
        List<PlanStep> steps = new ArrayList<>(resources.size());
        for (ResourceDiff resource : resources) {
            steps.add(step(resource));
        }
        return order(steps);
    }

    /**
     * Makes the step of one resource diff, with its wave read from the desired object (the live object for a
     * deletion).
     *
     * @param diff the per-resource difference
     * @return the step, not yet ordered
     * @throws PlanException when the wave annotation is not an integer, naming the resource
     */
    public PlanStep step(ResourceDiff diff) {
        requireNonNull(diff, "diff is null");
        Resource source = diff instanceof ResourceDiff.Declared declared ? declared.desired()
                : ((ResourceDiff.Existing) diff).live().object();
        return new PlanStep(diff.type(), diff.key(), Waves.of(source), diff);
    }

    /**
     * Orders steps made by {@link #step} into a plan, by the rules of the class description. The steps must come
     * in strictly increasing key order, as a {@link StateDiff} lists its diffs: the order is relied on (keys are
     * not compared again, which keeps this linear for the usual plan) and checked only when assertions are on.
     *
     * @param stepsInKeyOrder one step per resource, in strictly increasing key order
     * @return the ordered plan; equal to {@link #plan(StateDiff)} of the steps' diffs
     */
    public Plan order(List<PlanStep> stepsInKeyOrder) {
        requireNonNull(stepsInKeyOrder, "stepsInKeyOrder is null");
        assert inKeyOrder(stepsInKeyOrder) : "steps must be in strictly increasing key order";
        List<Ordered> desired = new ArrayList<>(stepsInKeyOrder.size());
        List<Ordered> deletes = new ArrayList<>();
        for (PlanStep step : stepsInKeyOrder) {
            Ordered entry = Ordered.of(step);
            (step.isDelete() ? deletes : desired).add(entry);
        }
        desired.sort(APPLY_ORDER);
        Collections.reverse(deletes);
        deletes.sort(DELETE_ORDER);
        return new Plan(steps(desired), steps(deletes));
    }

    private static boolean inKeyOrder(List<PlanStep> steps) {
        ResourceKey previous = null;
        for (PlanStep step : steps) {
            if (previous != null && previous.compareTo(step.key()) >= 0) {
                return false;
            }
            previous = step.key();
        }
        return true;
    }

    private static List<PlanStep> steps(List<Ordered> ordered) {
        List<PlanStep> steps = new ArrayList<>(ordered.size());
        for (Ordered entry : ordered) {
            steps.add(entry.step());
        }
        return steps;
    }
}
