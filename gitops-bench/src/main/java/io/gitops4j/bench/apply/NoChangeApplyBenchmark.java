package io.gitops4j.bench.apply;

import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A no-change run over a folder already applied to an embedded Kubernetes API: in process, warm ({@link #gitops4j}:
 * one engine run that finds nothing to do, from loading the folder to recording the run) against a re-apply by
 * {@code kubectl apply --server-side --force-conflicts -f dir} as a process ({@link #kubectl}). Beside the time,
 * {@code writesPerRun} counts the requests other than GET the engine's client sent per run (the run record).
 * {@code observe} chooses whether the target reads the objects each run or answers from its watches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NoChangeApplyBenchmark {
    /** Which folder is applied. */
    @Param({"folder305", "argocd"})
    public String shape;

    /**
     * How the target observes: {@code list} sends a LIST per type and namespace each run (GETs for few objects),
     * {@code watch} answers from the watches its first run started ({@code KubernetesTarget.Builder.watchCache}).
     */
    @Param({"list", "watch"})
    public String observe;

    private BenchCluster cluster;
    private GitOpsEngine engine;
    private Path dir;

    /** Starts the server and applies the folder with both tools once. */
    @Setup(Level.Trial)
    public void applyOnce() {
        dir = BenchManifests.write(shape);
        cluster = new BenchCluster(observe.equals("watch"));
        engine = cluster.engine("bench", dir);
        ReconcileResult first = engine.reconcile();
        if (first.outcome() != ReconcileResult.Outcome.APPLIED) {
            throw new IllegalStateException("first apply failed: " + first);
        }
        if (Processes.kubectl().isPresent()) {
            cluster.kubectlApply(dir);
        }
        cluster.takeWrites();
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        cluster.close();
    }

    /** The writes the engine's client sent per run, reported by JMH beside the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Writes {
        /** Mean requests other than GET per run in the current iteration. */
        public double writesPerRun;
        private long writes;
        private long runs;

        /** Starts the iteration's count afresh. */
        @Setup(Level.Iteration)
        public void reset() {
            writes = 0;
            runs = 0;
            writesPerRun = 0;
        }

        void add(int sent) {
            writes += sent;
            runs++;
            writesPerRun = (double) writes / runs;
        }
    }

    /**
     * Runs the engine over the unchanged folder.
     *
     * @param writes where the writes per run are published
     * @return the result, converged
     */
    @Benchmark
    public ReconcileResult gitops4j(Writes writes) {
        ReconcileResult result = engine.reconcile();
        if (result.outcome() != ReconcileResult.Outcome.CONVERGED) {
            throw new IllegalStateException("a no-change run did not converge: " + result);
        }
        writes.add(cluster.takeWrites());
        return result;
    }

    /** Re-applies the folder with kubectl. */
    @Benchmark
    public void kubectl() {
        cluster.kubectlApply(dir);
    }
}
