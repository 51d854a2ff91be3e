package io.gitops4j.bench.loop;

import io.gitops4j.git.GitSource;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.loop.HistoryEntry;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
 * Latency from a commit landing in a Git repository to the controller having applied it (its run at that
 * revision finished), for one application of 50 ConfigMaps on an in-memory target, in real time: by polling every
 * second (10% jitter), and by {@link GitOpsController#trigger(String)} right after the commit (a webhook). Before
 * each polled commit the benchmark waits a random part of the interval, so commits land at random phases of the
 * poll. The timed part includes writing the commit (a few milliseconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3)
@Measurement(iterations = 15)
public class CommitToAppliedBenchmark {
    private static final int RESOURCES = 50;
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @Param({"poll", "trigger"})
    public String mode;

    private GitRepoFixture repo;
    private Path cache;
    private GitSource source;
    private GitOpsController controller;
    private final AtomicInteger commits = new AtomicInteger();
    private final Set<String> applied = new HashSet<>();

    /** Builds the repository and starts the controller; waits for the first apply. */
    @Setup(Level.Trial)
    public void start() throws Exception {
        repo = GitRepoFixture.create();
        cache = Files.createTempDirectory("gitops4j-bench-loop-");
        String first = repo.commit(LoopManifests.files(1, RESOURCES, "v0"));
        source = GitSource.builder().uri(repo.fileUri()).path(LoopManifests.folder(0)).cacheDirectory(cache).build();
        ControllerListener listener = new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                if (entry.outcome() == Outcome.APPLIED) {
                    synchronized (applied) {
                        applied.add(entry.revision());
                        applied.notifyAll();
                    }
                }
            }
        };
        controller = GitOpsController.builder().workers(2).listener(listener).build();
        controller.add(Application.builder().name("bench").source(source).target(InMemoryTarget.create())
                .interval(mode.equals("poll") ? INTERVAL : Duration.ofHours(1)).build());
        await(first);
    }

    /** Waits a random part of the poll interval, so commits land at random phases of polling. */
    @Setup(Level.Invocation)
    public void randomPhase() {
        if (mode.equals("poll")) {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(INTERVAL.toNanos()));
        }
    }

    /** Commits a change to one ConfigMap and waits until the controller applied that commit. */
    @Benchmark
    public String commitToApplied() throws InterruptedException {
        int n = commits.incrementAndGet();
        String commit = repo.commit(Map.of(LoopManifests.folder(0) + "/cm-0.yaml",
                LoopManifests.configMap("cm-0", "app-0", "v" + n)));
        if (mode.equals("trigger")) {
            controller.trigger("bench");
        }
        await(commit);
        return commit;
    }

    private void await(String commit) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (applied) {
            while (!applied.contains(commit)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("commit " + commit + " not applied within 60 s: "
                            + controller.statuses());
                }
                applied.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Stops the controller and deletes the repository and cache. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        controller.close();
        source.close();
        repo.close();
        try (var paths = Files.walk(cache)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
