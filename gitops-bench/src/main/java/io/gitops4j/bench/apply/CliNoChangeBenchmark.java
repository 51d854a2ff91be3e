package io.gitops4j.bench.apply;

import java.nio.file.Path;
import java.util.Optional;
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
 * A run that changes nothing, through the CLI against kubectl, both as processes on one embedded Kubernetes API in
 * the benchmark's JVM, where the 305-object folder was applied once by each tool (untimed):
 * {@code gitops4j apply --dir dir} (JVM start included; it loads, observes, diffs, finds nothing to do and records
 * the run) against a re-apply by {@code kubectl apply --server-side --force-conflicts -f dir}. {@link #cli} starts
 * the CLI through its launcher with the class-data archive, as README tells a user to; {@link #cliJavaJar} is a
 * plain {@code java -jar gitops4j.jar}; {@link #cliJava25} is the launcher on a Java 25 or later with its AOT cache
 * ({@link CliJavas}: it fails naming what to set when there is none, and {@code run-all.sh} leaves it out then).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 2)
@Measurement(iterations = 7)
public class CliNoChangeBenchmark {
    private Path dir;
    private BenchCluster cluster;
    private Optional<Path> java25;

    /** Starts the server and applies the folder with the CLI and, when present, kubectl. */
    @Setup(Level.Trial)
    public void applyOnce() {
        dir = BenchManifests.write("folder305");
        Processes.prepareLauncher(CliJavas.own());
        java25 = CliJavas.java25();
        java25.ifPresent(Processes::prepareLauncher);
        cluster = new BenchCluster();
        cluster.cliApply(Processes.CliLaunch.LAUNCHER, dir);
        if (Processes.kubectl().isPresent()) {
            cluster.kubectlApply(dir);
        }
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
        cluster.close();
    }

    /** A no-change run through the CLI's launcher. */
    @Benchmark
    public void cli() {
        cluster.cliApply(Processes.CliLaunch.LAUNCHER, dir);
    }

    /** A no-change run through the CLI's launcher on a Java 25 or later, with its AOT cache. */
    @Benchmark
    public void cliJava25() {
        cluster.cliApply(Processes.CliLaunch.LAUNCHER, java25.orElseGet(CliJavas::requireJava25), dir);
    }

    /** A no-change run through {@code java -jar gitops4j.jar}. */
    @Benchmark
    public void cliJavaJar() {
        cluster.cliApply(Processes.CliLaunch.JAVA_JAR, dir);
    }

    /** A no-change re-apply through kubectl. */
    @Benchmark
    public void kubectl() {
        cluster.kubectlApply(dir);
    }
}
