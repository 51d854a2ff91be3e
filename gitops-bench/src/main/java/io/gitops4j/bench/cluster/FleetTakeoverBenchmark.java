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
 * The same fleet as {@link FleetBenchmark}, settled before each measurement: the time from killing one replica
 * (its lease calls fail, nothing is released, as after SIGKILL) until the two survivors own all 1,000 applications
 * between them. Bounded below by the 15 s lease duration, which the survivors must see pass without a renewal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 0)
@Measurement(iterations = 2)
public class FleetTakeoverBenchmark {
    private BenchFleet fleet;

    /** Starts the embedded API. */
    @Setup(Level.Trial)
    public void api() {
        fleet = new BenchFleet();
    }

    /**
     * Starts three replicas and waits until they settle.
     *
     * @throws InterruptedException when interrupted
     */
    @Setup(Level.Invocation)
    public void settle() throws InterruptedException {
        fleet.start();
        fleet.awaitBalanced(BenchFleet.REPLICAS);
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
     * Kills replica-b and waits until replica-a and replica-c own every application.
     *
     * @return the number of applications
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    public int takeover() throws InterruptedException {
        fleet.kill("replica-b");
        fleet.awaitBalanced(List.of("replica-a", "replica-c"));
        return BenchFleet.APPLICATIONS;
    }
}
