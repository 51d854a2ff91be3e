package io.gitops4j.plan;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.model.Resource;
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
 * <p>Deterministic: the same diff always gives the same plan. Stateless and thread-safe.
 */
public final class Planner {
    private static final Planner DEFAULTS = new Planner();

    /* Steps arrive sorted by key (StateDiff is a sorted map) and List.sort is stable, so sorting by wave and kind
       alone yields (wave, kind, key) order without comparing keys; deletes are reversed first for reverse keys. */
    private static final Comparator<Ordered> APPLY_ORDER = Comparator.comparingInt(Ordered::wave)
            .thenComparingInt(Ordered::rank);

    private static final Comparator<Ordered> DELETE_ORDER = Comparator.comparingInt(Ordered::tier)
            .thenComparing(APPLY_ORDER.reversed());

    /** A step with its sort fields computed once. */
    private record Ordered(PlanStep step, int wave, int rank, int tier) {
        static Ordered of(PlanStep step) {
            return new Ordered(step, step.wave(), KindOrder.rank(step.key()), KindOrder.containerTier(step.key()));
        }
    }

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
        List<Ordered> desired = new ArrayList<>(diff.resources().size());
        List<Ordered> deletes = new ArrayList<>();
        for (ResourceDiff resource : diff.resources().values()) {
            if (resource.type() == ChangeType.DELETE) {
                deletes.add(Ordered.of(step(resource, resource.live().orElseThrow().object())));
            } else {
                desired.add(Ordered.of(step(resource, resource.desired().orElseThrow())));
            }
        }
        desired.sort(APPLY_ORDER);
        Collections.reverse(deletes);
        deletes.sort(DELETE_ORDER);
        return new Plan(steps(desired), steps(deletes));
    }

    private static List<PlanStep> steps(List<Ordered> ordered) {
        List<PlanStep> steps = new ArrayList<>(ordered.size());
        for (Ordered entry : ordered) {
            steps.add(entry.step());
        }
        return steps;
    }

    private static PlanStep step(ResourceDiff diff, Resource source) {
        return new PlanStep(diff.type(), diff.key(), Waves.of(source), diff);
    }
}
