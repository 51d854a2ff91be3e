package io.gitops4j.bench.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.cluster.ClusterCoordinator;
import io.gitops4j.cluster.LeaseTiming;
import io.gitops4j.cluster.ShardAssigner;
import io.gitops4j.k8s.KubernetesLeaseStore;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Three controller replicas in real time with 1,000 applications each (an in-memory target, so only the fleet is
 * measured), their leases as Lease objects on an embedded Kubernetes API, with Kubernetes' default timing.
 */
final class BenchFleet implements AutoCloseable {
    static final int APPLICATIONS = 1000;
    static final List<String> REPLICAS = List.of("replica-a", "replica-b", "replica-c");

    private final EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start();
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<GitOpsController> controllers = new ArrayList<>();
    private final Map<String, KillableLeaseStore> stores = new HashMap<>();
    private final List<InMemorySource> sources = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private int generation;

    BenchFleet() {
        for (int i = 0; i < APPLICATIONS; i++) {
            names.add(String.format("app-%04d", i));
            InMemorySource source = InMemorySource.create();
            source.commit(DesiredState.of(new Revision("r1", ""), List.of()));
            sources.add(source);
        }
    }

    /** Starts three replicas of a fresh fleet group, so leases of an earlier fleet never count. */
    void start() {
        String group = "bench" + generation++;
        for (String replica : REPLICAS) {
            KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
            clients.add(client);
            KillableLeaseStore store = new KillableLeaseStore(KubernetesLeaseStore.of(client));
            stores.put(replica, store);
            ClusterCoordinator coordinator = ClusterCoordinator.builder(store, replica).group(group)
                    .timing(LeaseTiming.DEFAULTS).build();
            GitOpsController controller = GitOpsController.builder().workers(4).cluster(coordinator)
                    .shutdownGrace(Duration.ofSeconds(1)).build();
            InMemoryTarget target = InMemoryTarget.create();
            for (int i = 0; i < APPLICATIONS; i++) {
                controller.add(Application.builder().name(names.get(i)).source(sources.get(i)).target(target)
                        .interval(Duration.ofMinutes(10)).build());
            }
            controllers.add(controller);
        }
    }

    /** Waits until each live replica owns exactly its share by the assignment over the live replicas. */
    void awaitBalanced(List<String> live) throws InterruptedException {
        await(() -> balanced(live));
    }

    /** Kills a replica: its lease calls fail from now on and it releases nothing, as after SIGKILL. */
    void kill(String replica) {
        stores.get(replica).kill();
    }

    private boolean balanced(List<String> live) {
        SortedMap<String, String> wanted = ShardAssigner.withLoadFactor(0.25).assign(names, live);
        for (int r = 0; r < REPLICAS.size(); r++) {
            String replica = REPLICAS.get(r);
            if (live.contains(replica)) {
                long mine = wanted.values().stream().filter(replica::equals).count();
                if (controllers.get(r).fleet().orElseThrow().owned().size() != mine) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the fleet did not settle within 5 minutes");
            }
            Thread.sleep(10);
        }
    }

    /** Closes the replicas of the last {@link #start()}. */
    void stopReplicas() {
        controllers.forEach(GitOpsController::close);
        controllers.clear();
        stores.clear();
        clients.forEach(KubernetesClient::close);
        clients.clear();
    }

    @Override
    public void close() {
        stopReplicas();
        api.close();
    }
}
