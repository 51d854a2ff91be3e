package io.gitops4j.bench.core;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveState;
import io.gitops4j.plan.Planner;
import io.gitops4j.reconcile.BenchMemo;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * Retained heap of an N-resource desired state with its live state (as the in-memory target reports it, with
 * last-applied state) and the engine's memory of one run ({@link BenchMemo}: the last diff, steps and plan it keeps),
 * measured as the used-heap delta after full GCs before building and after one diff + plan (the target that produced
 * the live state is dropped first: it stands for the cluster). Reported as the secondary metrics {@code retainedMB}
 * and {@code cacheMB} (the memo's share); the primary score is the time of one steady-state diff + plan through it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class MemoryBenchmark {
    /** How many resources. */
    @Param({"10000"})
    public int size;

    private DesiredState desired;
    private LiveState live;
    private BenchMemo memo;
    private long retainedBytes;
    private long cacheBytes;

    /** The figure JMH reports beside the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Retained {
        /** Retained heap of desired + live + memo, in MB. */
        public double retainedMB;
        /** The memo's share of {@link #retainedMB}, in MB. */
        public double cacheMB;
    }

    /** Builds the states, fills the memo and measures the heap they retain. */
    @Setup(Level.Trial)
    public void setUp() {
        long before = usedAfterGc();
        DeploymentPairs pairs = DeploymentPairs.of(size);
        desired = pairs.unchanged;
        live = pairs.live;
        pairs = null;
        long states = usedAfterGc();
        memo = BenchMemo.of(DefaultStateDiffer.defaults(), Planner.defaults());
        DeploymentPairs.require(!memo.plan(desired, live).hasChanges(), "not in sync");
        long all = usedAfterGc();
        retainedBytes = all - before;
        cacheBytes = all - states;
    }

    /**
     * One steady-state diff + plan with the filled memo, keeping everything reachable.
     *
     * @param retained where the figure is published
     * @return the number of in-sync resources
     */
    @Benchmark
    public int steadyStateDiff(Retained retained) {
        retained.retainedMB = retainedBytes / (1024.0 * 1024.0);
        retained.cacheMB = cacheBytes / (1024.0 * 1024.0);
        return memo.plan(desired, live).unchanged().size();
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
