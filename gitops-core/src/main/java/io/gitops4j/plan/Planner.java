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
 * <p>Deterministic: the same diff always gives the same plan. Thread-safe. {@link #defaults()} is stateless;
 * {@link #remembering()} makes a planner for one engine that remembers its last plan: asked about the same
 * {@link StateDiff} object again it returns that plan, and for a new diff it keeps the step (and its wave, read from
 * the resource's annotations) of every per-resource diff that is the very same object as last time, which is what a
 * {@link io.gitops4j.diff.CachingStateDiffer} hands back for unchanged resources. Either way the plan is the same.
 */
public final class Planner {
    private static final Planner DEFAULTS = new Planner(false);

    /* Steps arrive sorted by key (StateDiff is a sorted map) and List.sort is stable, so sorting by wave and kind
       alone yields (wave, kind, key) order without comparing keys; deletes are reversed first for reverse keys. */
    private static final Comparator<Ordered> APPLY_ORDER = Comparator.comparingInt(Ordered::wave)
            .thenComparingInt(Ordered::rank);

    private static final Comparator<Ordered> DELETE_ORDER = Comparator.comparingInt(Ordered::tier)
            .thenComparing(APPLY_ORDER.reversed());

    private final boolean remembers;
    private volatile LastPlan last;

    private Planner(boolean remembers) {
        this.remembers = remembers;
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
     * Returns a new planner with the standard ordering rules that remembers its last plan (see the class
     * description); give each engine its own. It holds the last diff and plan until the next call.
     *
     * @return a new remembering planner
     */
    public static Planner remembering() {
        return new Planner(true);
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
        LastPlan previous = last;
        if (previous != null && previous.diff() == diff) {
            return previous.plan();
        }
        List<ResourceDiff> resources = diff.inKeyOrder();
        Ordered[] inKeyOrder = new Ordered[resources.size()];
        List<Ordered> desired = new ArrayList<>(resources.size());
        List<Ordered> deletes = new ArrayList<>();
        OrderedCursor kept = previous == null ? OrderedCursor.NONE : previous.cursor();
        for (int i = 0; i < inKeyOrder.length; i++) {
            ResourceDiff resource = resources.get(i);
            Ordered entry = kept.find(resource);
            if (entry == null) {
                entry = Ordered.of(resource.type() == ChangeType.DELETE
                        ? step(resource, resource.live().orElseThrow().object())
                        : step(resource, resource.desired().orElseThrow()));
            }
            inKeyOrder[i] = entry;
            (entry.step().isDelete() ? deletes : desired).add(entry);
        }
        desired.sort(APPLY_ORDER);
        Collections.reverse(deletes);
        deletes.sort(DELETE_ORDER);
        Plan plan = new Plan(steps(desired), steps(deletes));
        if (remembers) {
            last = new LastPlan(diff, inKeyOrder, plan);
        }
        return plan;
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
