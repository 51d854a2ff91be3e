package io.gitops4j.reconcile;

import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits apply steps, already in plan order, into stages: runs of consecutive steps of one wave and one kind rank
 * ({@link BuiltinKinds#applyOrder}), the unit the engine may apply concurrently. Every step of a stage completes
 * before the first step of the next stage starts, so Namespaces and CRDs still come before what lives in them, and
 * one wave before the next. Stateless.
 */
final class ApplyStages {
    private ApplyStages() {
    }

    /**
     * Returns the stages of some apply steps, in plan order.
     *
     * @param steps apply steps in plan order
     * @return the stages, each non-empty, concatenating to {@code steps}
     */
    static List<List<PlanStep>> of(List<PlanStep> steps) {
        List<List<PlanStep>> stages = new ArrayList<>();
        List<PlanStep> current = new ArrayList<>();
        PlanStep previous = null;
        for (PlanStep step : steps) {
            if (previous != null && !sameStage(previous, step)) {
                stages.add(List.copyOf(current));
                current.clear();
            }
            current.add(step);
            previous = step;
        }
        if (!current.isEmpty()) {
            stages.add(List.copyOf(current));
        }
        return stages;
    }

    /** Tells whether two steps belong to one stage: the same wave and the same kind rank. */
    static boolean sameStage(PlanStep a, PlanStep b) {
        return a.wave() == b.wave() && rank(a.key()) == rank(b.key());
    }

    private static int rank(ResourceKey key) {
        return BuiltinKinds.applyOrder(key.group(), key.kind());
    }
}
