package io.gitops4j.bench.apply;

import io.gitops4j.loop.Application;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.loop.HistoryEntry;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.gen.ResourceGenerator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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
 * The shape of Flux's own benchmark: 1,000 applications of 10 objects each (4 ConfigMaps, 3 Services, 3
 * Deployments, in 10 namespaces) first synced by one {@link GitOpsController} (4 workers) onto an embedded
 * Kubernetes API in the same JVM, through one shared {@link io.gitops4j.k8s.KubernetesTarget}: the time from adding
 * the applications to every one having applied, on a fresh server each call. Beside the time, {@code heapAfterGcMB}
 * is the used heap after a GC once all are synced (server, controller, engines' memory and target caches).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 0)
@Measurement(iterations = 2, time = 1, timeUnit = TimeUnit.MILLISECONDS)
public class ControllerFirstSyncBenchmark {
    private static final int NAMESPACES = 10;

    /** How many applications. */
    @Param({"1000"})
    public int applications;

    private final List<DesiredState> states = new ArrayList<>();
    private BenchCluster cluster;

    /** Builds every application's desired state once. */
    @Setup(Level.Trial)
    public void buildStates() {
        ResourceGenerator generator = new ResourceGenerator(7);
        for (int a = 0; a < applications; a++) {
            String ns = "apps-" + (a % NAMESPACES);
            List<Resource> resources = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                resources.add(generator.configMap(ns, "app-" + a + "-config-" + i));
            }
            for (int i = 0; i < 3; i++) {
                resources.add(generator.service(ns, "app-" + a + "-svc-" + i));
                resources.add(generator.deployment(ns, "app-" + a + "-web-" + i));
            }
            states.add(DesiredState.of("r1", resources));
        }
    }

    /** Starts a fresh server with the namespaces. */
    @Setup(Level.Invocation)
    public void freshServer() {
        cluster = new BenchCluster();
        for (int n = 0; n < NAMESPACES; n++) {
            cluster.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                    .withNewMetadata().withName("apps-" + n).endMetadata().build()).create();
        }
    }

    /** Stops the server. */
    @TearDown(Level.Invocation)
    public void stopServer() {
        cluster.close();
    }

    /** The used heap after GC once every application is synced, reported by JMH beside the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Heap {
        /** Used heap after GC, MB, of the last call. */
        public double heapAfterGcMB;
    }

    /**
     * Adds every application to a new controller and waits until each has applied once.
     *
     * @param heap where the heap after GC is published
     * @return how many applications applied
     * @throws InterruptedException when interrupted while waiting
     */
    @Benchmark
    public int firstSync(Heap heap) throws InterruptedException {
        CountDownLatch synced = new CountDownLatch(applications);
        Set<String> done = ConcurrentHashMap.newKeySet();
        ControllerListener listener = new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                if (entry.outcome() == Outcome.APPLIED && done.add(application)) {
                    synced.countDown();
                } else if (entry.outcome() == Outcome.FAILED) {
                    System.err.println("  " + application + " failed: " + entry);
                }
            }
        };
        try (GitOpsController controller = GitOpsController.builder().workers(4).listener(listener).build()) {
            for (int a = 0; a < applications; a++) {
                controller.add(Application.builder().name("app-" + a).source(InMemorySource.of(states.get(a)))
                        .target(cluster.target).interval(Duration.ofHours(1)).build());
            }
            if (!synced.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException((applications - synced.getCount()) + " of " + applications
                        + " applications synced in 10 minutes");
            }
            System.gc();
            heap.heapAfterGcMB = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
        }
        return done.size();
    }
}
