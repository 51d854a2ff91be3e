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
 * The CLI against kubectl, both as processes on the same embedded Kubernetes API (in the benchmark's JVM, fresh
 * before each call): {@code gitops4j apply --dir dir} (JVM start included) against
 * {@code kubectl apply --server-side --force-conflicts -f dir}, for a first apply of the 305-object folder
 * ({@link #cliFirstApply}, {@link #kubectlFirstApply}); {@link CliNoChangeBenchmark} times a run that changes
 * nothing. {@link #cliFirstApply} starts the CLI as README tells a user to, through the launcher
 * {@code samples/target/gitops4j} with the class-data archive the build records (recorded at setup when missing);
 * {@link #cliJavaJarFirstApply} is a plain {@code java -jar gitops4j.jar}. Both use this benchmark's java;
 * {@link #cliJava25FirstApply} is the launcher on a Java 25 or later with its AOT cache ({@link CliJavas}: it fails
 * naming what to set when there is none, and {@code run-all.sh} leaves it out then). The CLI jar is
 * {@code samples/target/gitops4j.jar} or {@code -Dgitops4j.cli.jar}, the launcher the file beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 2)
@Measurement(iterations = 7)
public class CliApplyBenchmark {
    private Path dir;
    private BenchCluster cluster;
    private Optional<Path> java25;

    /** Writes the folder once and makes sure the launcher has its archives. */
    @Setup(Level.Trial)
    public void writeManifests() {
        dir = BenchManifests.write("folder305");
        Processes.prepareLauncher(CliJavas.own());
        java25 = CliJavas.java25();
        java25.ifPresent(Processes::prepareLauncher);
    }

    /** Starts a fresh server before each call. */
    @Setup(Level.Invocation)
    public void freshServer() {
        cluster = new BenchCluster();
    }

    /** Stops the server. */
    @TearDown(Level.Invocation)
    public void stopServer() {
        cluster.close();
    }

    /** First apply through the CLI's launcher. */
    @Benchmark
    public void cliFirstApply() {
        cluster.cliApply(Processes.CliLaunch.LAUNCHER, dir);
    }

    /** First apply through the CLI's launcher on a Java 25 or later, with its AOT cache. */
    @Benchmark
    public void cliJava25FirstApply() {
        cluster.cliApply(Processes.CliLaunch.LAUNCHER, java25.orElseGet(CliJavas::requireJava25), dir);
    }

    /** First apply through {@code java -jar gitops4j.jar}. */
    @Benchmark
    public void cliJavaJarFirstApply() {
        cluster.cliApply(Processes.CliLaunch.JAVA_JAR, dir);
    }

    /** First apply through kubectl. */
    @Benchmark
    public void kubectlFirstApply() {
        cluster.kubectlApply(dir);
    }
}
