package io.gitops4j.plan;

/**
 * A plan step with its sort fields computed once: wave, kind rank and, for deletions, the container tier
 * (CRDs and Namespaces go last).
 *
 * @param step the step
 * @param wave the step's wave
 * @param rank the kind's apply priority ({@link KindOrder#rank})
 * @param tier the deletion tier ({@link KindOrder#containerTier}); 0 for applies
 */
record Ordered(PlanStep step, int wave, int rank, int tier) {

    static Ordered of(PlanStep step) {
        int rank = KindOrder.rank(step.key());
        return new Ordered(step, step.wave(), rank, step.isDelete() ? KindOrder.containerTier(step.key()) : 0);
    }
}
