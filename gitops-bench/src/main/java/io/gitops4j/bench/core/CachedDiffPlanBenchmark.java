package io.gitops4j.bench.core;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.Planner;
import io.gitops4j.reconcile.BenchMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Diff plus plan of N Deployments through the engine's memory of its last run ({@link BenchMemo}: the pure
 * {@link DefaultStateDiffer} and {@link Planner}, with last run's diffs and steps reused for the very same objects),
 * after a first run filled it:
 * <ul>
 *   <li>{@link #steadyState}: same revision, live objects unchanged since the last run (the target hands back the
 *       same objects, as an informer cache does);</li>
 *   <li>{@link #steadyStatePairByPair}: the same, but the desired state is another object holding the same
 *       resources on each call: each pair is recognised on its own, by the identity of its two objects;</li>
 *   <li>{@link #steadyStateReobserved}: the same, but every live object and its last-applied state are new
 *       objects (a target that rebuilds them on each observe), so every pair is diffed again;</li>
 *   <li>{@link #onePercentChanged}: a new revision in which 1% of the resources changed (alternating between two
 *       revisions that change the same 1% differently, so exactly those miss every time);</li>
 *   <li>{@link #coldDiffOfTheChangedOnePercent}: the wrapped differ over only the changed pairs, the "cost of
 *       diffing those 1%" the 1% figure is held against.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CachedDiffPlanBenchmark {
    /** How many resources. */
    @Param({"10000"})
    public int size;

    private final StateDiffer wrapped = DefaultStateDiffer.defaults();
    private BenchMemo memo;
    private DeploymentPairs pairs;
    private boolean flip;
    private List<Resource> changedDesired;
    private DesiredState sameResourcesA;
    private DesiredState sameResourcesB;

    /** Builds the pairs and fills the memo with one run of each desired state. */
    @Setup(Level.Trial)
    public void setUp() {
        pairs = DeploymentPairs.of(size);
        memo = BenchMemo.of(wrapped, Planner.defaults());
        Plan steady = memo.plan(pairs.unchanged, pairs.live);
        DeploymentPairs.require(steady.applies().isEmpty(), "steady state plans " + steady.summary());
        Plan changed = onePercentChanged();
        DeploymentPairs.require(changed.applies().size() == size / 100, "1% change plans " + changed.summary());
        sameResourcesA = DesiredState.of("r0", pairs.unchanged.resources().values());
        sameResourcesB = DesiredState.of("r0", pairs.unchanged.resources().values());
        changedDesired = new ArrayList<>();
        for (int index : pairs.changedIndexes) {
            changedDesired.add(pairs.changedA.get(pairs.applied.get(index).key()).orElseThrow());
        }
    }

    /**
     * The live state observed again as new objects before each call (not timed), then a full GC, so the timed call
     * pays neither for building them nor for collecting the last call's copies.
     */
    @State(Scope.Thread)
    public static class Reobserved {
        LiveState live;

        /**
         * Rebuilds every live object and its last-applied state as new objects.
         *
         * @param benchmark the benchmark holding the pairs
         */
        @Setup(Level.Invocation)
        public void reobserve(CachedDiffPlanBenchmark benchmark) {
            live = null;
            live = copy(benchmark.pairs.live);
            System.gc();
        }

        /* A new copy of every live object and its last-applied state, as a target that rebuilds them returns. */
        private static LiveState copy(LiveState observed) {
            List<LiveResource> copies = new ArrayList<>(observed.size());
            for (LiveResource object : observed.resources().values()) {
                Resource lastApplied = object.lastApplied().map(r -> Resource.of(r.tree())).orElse(null);
                copies.add(LiveResource.of(Resource.of(object.object().tree()), lastApplied));
            }
            return LiveState.of(copies);
        }
    }


    /**
     * Nothing changed: every pair is the same as last run.
     *
     * @return the plan
     */
    @Benchmark
    public Plan steadyState() {
        return memo.plan(pairs.unchanged, pairs.live);
    }

    /**
     * Nothing changed, but each call gets another desired state object holding the same resource objects: every
     * pair is recognised one by one.
     *
     * @return the plan
     */
    @Benchmark
    public Plan steadyStatePairByPair() {
        flip = !flip;
        return memo.plan(flip ? sameResourcesA : sameResourcesB, pairs.live);
    }

    /**
     * Nothing changed, but the target returned new objects.
     *
     * @param reobserved the new live objects
     * @return the plan
     */
    @Benchmark
    public Plan steadyStateReobserved(Reobserved reobserved) {
        return memo.plan(pairs.unchanged, reobserved.live);
    }

    /**
     * 1% of the desired resources changed since the last run.
     *
     * @return the plan
     */
    @Benchmark
    public Plan onePercentChanged() {
        flip = !flip;
        return memo.plan(flip ? pairs.changedA : pairs.changedB, pairs.live);
    }

    /**
     * The wrapped differ over the changed 1% only.
     *
     * @param blackhole keeps the diffs
     */
    @Benchmark
    public void coldDiffOfTheChangedOnePercent(Blackhole blackhole) {
        for (Resource desired : changedDesired) {
            blackhole.consume(wrapped.diff(desired.key(), desired, pairs.liveOf(desired)));
        }
    }
}
