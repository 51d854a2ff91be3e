package io.gitops4j.bench.apply;

import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A first apply of a folder on a fresh embedded Kubernetes API (started before each call, not timed), in process in
 * a warm JVM ({@link #gitops4j}: one engine run over a new {@link io.gitops4j.k8s.KubernetesTarget}, discovery
 * included) against {@code kubectl apply --server-side --force-conflicts -f dir} as a process on the same kind of
 * fresh server ({@link #kubectl}, its discovery included, its process start too). Shapes: {@code folder305} (5
 * Namespaces, 100 ConfigMaps, 100 Services, 100 Deployments) and {@code argocd} (59 objects, 3 large CRDs).
 * Warm means 50 untimed calls first: after 5 the JVM still runs much of a call interpreted or C1-compiled, at 2 to
 * 3 times the CPU of a call it has compiled; the server (also in this JVM) gets the same warm-up for kubectl.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 50)
@Measurement(iterations = 10)
public class FirstApplyBenchmark {
    /** Which folder is applied. */
    @Param({"folder305", "argocd"})
    public String shape;

    private Path dir;
    private BenchCluster cluster;
    private GitOpsEngine engine;

    /** Writes the folder once. */
    @Setup(Level.Trial)
    public void writeManifests() {
        dir = BenchManifests.write(shape);
    }

    /** Starts a fresh server (and, for gitops4j, a new client, target and engine) before each call. */
    @Setup(Level.Invocation)
    public void freshServer() {
        cluster = new BenchCluster();
        engine = cluster.engine("bench", dir);
    }

    /** Stops the server. */
    @TearDown(Level.Invocation)
    public void stopServer() {
        cluster.close();
    }

    /**
     * Applies the folder with the engine.
     *
     * @return the result, applied without failures
     */
    @Benchmark
    public ReconcileResult gitops4j() {
        ReconcileResult result = engine.reconcile();
        if (result.outcome() != ReconcileResult.Outcome.APPLIED || !result.failedSteps().isEmpty()) {
            throw new IllegalStateException("first apply did not apply cleanly: " + result);
        }
        return result;
    }

    /** Applies the folder with kubectl. */
    @Benchmark
    public void kubectl() {
        cluster.kubectlApply(dir);
    }
}
