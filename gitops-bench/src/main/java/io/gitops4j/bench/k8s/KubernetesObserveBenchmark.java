package io.gitops4j.bench.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.Planner;
import io.gitops4j.reconcile.BenchMemo;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.testkit.gen.ResourceGenerator;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * A no-change run's read side on a {@link KubernetesTarget}: 1,000 Deployments (about 1.5 KB each, 100 in each of
 * 10 namespaces, so each namespace is one LIST) applied through the target to an {@link EmbeddedKubernetesApi}
 * running in the same JVM, then per call:
 * <ul>
 *   <li>{@link #observe}: {@code target.observe(keys)} alone;</li>
 *   <li>{@link #observeDiffPlan}: observe, then diff and plan through the engine's memory of its last run
 *       ({@link BenchMemo} over the default differ and {@link Planner}, the engine's defaults), finding nothing to
 *       do, as the engine's no-change run does,</li>
 * </ul>
 * with the target's reuse of unchanged live objects on ({@code reuse=true}: the same {@code LiveResource} instances
 * come back, so neither conversion nor last-applied reconstruction runs, and the memo keeps every diff) and off
 * ({@code liveObjectCacheSize(0)}: every object is converted and its last-applied state rebuilt from managedFields,
 * and every pair is diffed again). Both include the HTTP round trips and the embedded
 * server's own work of listing, which reuse cannot save, and fabric8's parsing of the responses. The server runs
 * with {@code TCP_NODELAY}, as a real API server does. Beside the wall time, {@code cpuMsPerOp} is the benchmark
 * thread's CPU time per call (conversion, last-applied reconstruction, diff and plan run there; the server's
 * threads are not counted), a steadier figure on a shared machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KubernetesObserveBenchmark {
    private static final int NAMESPACES = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** How many Deployments. */
    @Param({"1000"})
    public int size;

    /** Whether the target reuses unchanged live objects. */
    @Param({"true", "false"})
    public boolean reuse;

    private EmbeddedKubernetesApi api;
    private KubernetesClient client;
    private KubernetesTarget target;
    private BenchMemo memo;
    private DesiredState desired;

    /** Starts the server, applies the Deployments and runs once to fill the caches. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] namespaces = new String[NAMESPACES];
        for (int n = 0; n < NAMESPACES; n++) {
            namespaces[n] = "bench-" + n;
        }
        // The JDK HTTP server behind the embedded API leaves Nagle's algorithm on unless told otherwise, which with
        // delayed ACKs adds ~40 ms to every small response; a real API server (Go net/http) sets TCP_NODELAY. It is
        // read once, when the first server starts in this (forked) JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        api = EmbeddedKubernetesApi.builder().namespaces(namespaces).build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
        target = KubernetesTarget.builder().client(client)
                .liveObjectCacheSize(reuse ? KubernetesTarget.DEFAULT_LIVE_OBJECT_CACHE_SIZE : 0).build();
        long started = System.nanoTime();
        ResourceGenerator generator = new ResourceGenerator(42);
        List<Resource> resources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Resource resource = generator.deployment(namespaces[i % NAMESPACES], "app-" + i);
            target.apply(resource, ApplyOptions.DEFAULT);
            resources.add(resource);
        }
        System.out.printf("  applied %d Deployments in %d ms%n", size, (System.nanoTime() - started) / 1_000_000);
        desired = DesiredState.of("r0", resources);
        memo = BenchMemo.of(DefaultStateDiffer.defaults(), Planner.defaults());
        LiveState live = observe();
        if (live.size() != size) {
            throw new IllegalStateException("observed " + live.size() + " of " + size + " Deployments");
        }
        Plan plan = observeDiffPlan();
        if (plan.hasChanges()) {
            throw new IllegalStateException("a no-change run plans " + plan.summary());
        }
    }

    /** Closes the client and stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        target.close();
        client.close();
        api.close();
    }

    /** The benchmark thread's CPU time per call, reported by JMH beside the wall time as {@code cpuMsPerOp}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ThreadCpu {
        /** Mean thread CPU milliseconds per call in the current iteration. */
        public double cpuMsPerOp;
        private long nanos;
        private long calls;

        /** Starts the iteration's count afresh. */
        @Setup(Level.Iteration)
        public void reset() {
            nanos = 0;
            calls = 0;
            cpuMsPerOp = 0;
        }

        <T> T timed(Supplier<T> call) {
            long before = THREADS.getCurrentThreadCpuTime();
            T result = call.get();
            nanos += THREADS.getCurrentThreadCpuTime() - before;
            calls++;
            cpuMsPerOp = nanos / 1e6 / calls;
            return result;
        }
    }

    /**
     * Reads every Deployment.
     *
     * @param cpu where the thread CPU time per call is published
     * @return the live state
     */
    @Benchmark
    public LiveState observe(ThreadCpu cpu) {
        return cpu.timed(this::observe);
    }

    /**
     * Reads every Deployment, diffs and plans through the memo.
     *
     * @param cpu where the thread CPU time per call is published
     * @return the plan, with nothing to do
     */
    @Benchmark
    public Plan observeDiffPlan(ThreadCpu cpu) {
        return cpu.timed(this::observeDiffPlan);
    }

    private LiveState observe() {
        return target.observe(desired.resources().keySet());
    }

    private Plan observeDiffPlan() {
        return memo.plan(desired, observe());
    }
}
