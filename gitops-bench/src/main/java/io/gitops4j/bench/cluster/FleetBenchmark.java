package io.gitops4j.bench.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1,000 applications over 3 controller replicas in real time, leases on the embedded Kubernetes API with
 * Kubernetes' default timing (15 s lease, 10 s renew deadline, 2 s retry period): {@code fullOwnership} is the time
 * from starting the three replicas together until each owns exactly its share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class FleetBenchmark {
    private BenchFleet fleet;

    /** Starts the embedded API. */
    @Setup(Level.Trial)
    public void api() {
        fleet = new BenchFleet();
    }

    /** Stops the replicas of the last invocation. */
    @TearDown(Level.Invocation)
    public void stopReplicas() {
        fleet.stopReplicas();
    }

    /** Stops the API. */
    @TearDown(Level.Trial)
    public void stopApi() {
        fleet.close();
    }

    /**
     * Starts three replicas and waits until each owns exactly its share of the 1,000 applications.
     *
     * @return the number of applications
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    public int fullOwnership() throws InterruptedException {
        fleet.start();
        fleet.awaitBalanced(BenchFleet.REPLICAS);
        return BenchFleet.APPLICATIONS;
    }
}
