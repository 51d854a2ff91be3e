package io.gitops4j.reconcile;

import io.gitops4j.diff.StateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveState;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.Planner;

/**
 * The engine's memory of its last run ({@code RunMemo}, package-private in gitops-core), opened to the benchmarks
 * alone: it lives in the benchmark module, in the engine's package, so the diff + plan figures are measured through
 * exactly the code a run uses without a public hook in the library. Every diff is planned (nothing is left out by
 * ownership or policies). Not thread-safe; one per benchmark state.
 */
public final class BenchMemo {
    private final RunMemo memo;

    private BenchMemo(StateDiffer differ, Planner planner) {
        this.memo = new RunMemo(differ, planner);
    }

    /**
     * Creates an empty memo over a differ and a planner, as an engine built with them has.
     *
     * @param differ the differ asked about pairs that are not the very same objects as last time
     * @param planner the planner
     * @return the memo
     */
    public static BenchMemo of(StateDiffer differ, Planner planner) {
        return new BenchMemo(differ, planner);
    }

    /**
     * Diffs and plans as a run does, reusing the last call's diffs and steps for the very same objects.
     *
     * @param desired the prepared desired state
     * @param live the live state
     * @return the plan
     */
    public Plan plan(DesiredState desired, LiveState live) {
        return memo.plan(desired, live, diff -> diff);
    }
}
