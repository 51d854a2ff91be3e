package io.gitops4j.bench.loop;

import io.gitops4j.git.GitSource;
import io.gitops4j.git.RepositoryCache;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.loop.HistoryEntry;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.time.ManualScheduler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * One no-change cycle of many applications: 200 applications, each reading its own folder of 50 ConfigMaps from
 * one Git repository (10,000 files; one shared clone, one fetch per cycle) into its own in-memory target, all
 * already applied. The cycle runs every application once on the benchmark's thread (manual scheduler, inline
 * executor), so its time is the CPU one cycle costs on one core: fetch, then per application load, observe,
 * diff and plan, finding nothing to do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SteadyStateBenchmark {
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Param({"200"})
    public int apps;

    @Param({"50"})
    public int resources;

    private GitRepoFixture repo;
    private Path cacheFolder;
    private RepositoryCache cache;
    private final List<GitSource> sources = new ArrayList<>();
    private final ManualClock clock = ManualClock.create();
    private ManualScheduler scheduler;
    private GitOpsController controller;
    private final AtomicInteger converged = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();
    private long cpuNanos;
    private int cycles;

    /** Builds the repository, adds every application and applies it once. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        repo = GitRepoFixture.create();
        repo.commit(LoopManifests.files(apps, resources, "v0"));
        cacheFolder = Files.createTempDirectory("gitops4j-bench-steady-");
        cache = RepositoryCache.open(cacheFolder);
        scheduler = new ManualScheduler(clock);
        ControllerListener listener = new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                runs.incrementAndGet();
                if (entry.outcome() == Outcome.CONVERGED) {
                    converged.incrementAndGet();
                }
            }
        };
        controller = GitOpsController.builder().clock(clock).scheduler(scheduler).executor(Runnable::run)
                .listener(listener).build();
        for (int a = 0; a < apps; a++) {
            GitSource source = GitSource.builder().uri(repo.fileUri()).path(LoopManifests.folder(a))
                    .repositoryCache(cache).build();
            sources.add(source);
            controller.add(Application.builder().name("app-" + a).source(new SharedKeySource(source, repo.fileUri()))
                    .target(InMemoryTarget.create()).interval(INTERVAL).intervalJitter(0).build());
        }
        if (runs.get() != apps) {
            throw new IllegalStateException("expected " + apps + " initial runs, got " + runs.get());
        }
    }

    /** Runs every application once; each finds nothing to do. */
    @Benchmark
    public int noChangeCycle() {
        int before = converged.get();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        scheduler.advance(INTERVAL);
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuBefore;
        cycles++;
        int cycle = converged.get() - before;
        if (cycle != apps) {
            throw new IllegalStateException("expected " + apps + " converged runs, got " + cycle + ": "
                    + controller.statuses().get(0));
        }
        return cycle;
    }

    /**
     * Prints the CPU time one cycle took on the benchmark's thread, which on a shared machine is a steadier
     * figure than the wall time JMH reports (the fetch's JGit helper threads are not counted).
     */
    @TearDown(Level.Iteration)
    public void reportCpu() {
        if (cycles > 0) {
            System.out.printf("  thread CPU per cycle: %.1f ms over %d cycles%n", cpuNanos / 1e6 / cycles, cycles);
        }
        cpuNanos = 0;
        cycles = 0;
    }

    /** Stops the controller and deletes the repository and cache. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        controller.close();
        sources.forEach(GitSource::close);
        cache.close();
        repo.close();
        try (var paths = Files.walk(cacheFolder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
