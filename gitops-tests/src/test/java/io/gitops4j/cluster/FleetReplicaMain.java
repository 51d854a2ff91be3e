package io.gitops4j.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.k8s.KubernetesLeaseStore;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.testkit.InMemorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One replica of a fleet in its own process, for {@link FleetProcessesTest}: a controller with real time on the
 * Kubernetes API named by a kubeconfig, reconciling {@code count} applications (one ConfigMap each) with short
 * leases, until its standard input closes or it is killed.
 *
 * <p>Arguments: kubeconfig file, identity, application count.
 */
public final class FleetReplicaMain {
    private FleetReplicaMain() {
    }

    /**
     * Runs the replica.
     *
     * @param args kubeconfig, identity, count
     * @throws Exception when it cannot start
     */
    public static void main(String[] args) throws Exception {
        String kubeconfig = Files.readString(Path.of(args[0]));
        String identity = args[1];
        int count = Integer.parseInt(args[2]);
        LeaseTiming timing = new LeaseTiming(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(500));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig))
                .build();
                KubernetesTarget target = KubernetesTarget.builder().client(client).build()) {
            ClusterCoordinator coordinator = ClusterCoordinator.builder(KubernetesLeaseStore.of(client), identity)
                    .timing(timing).build();
            try (GitOpsController controller = GitOpsController.builder().workers(2).cluster(coordinator).build()) {
                for (int i = 0; i < count; i++) {
                    String name = String.format("app-%03d", i);
                    InMemorySource source = InMemorySource.create();
                    source.commit("c1-" + name, List.of(ControllerFleet.configMap(name)));
                    controller.add(Application.builder().name(name).source(source).target(target)
                            .interval(Duration.ofSeconds(5)).build());
                }
                System.out.println("started " + identity);
                System.out.flush();
                while (System.in.read() >= 0) {
                    // runs until the parent closes our input (a graceful stop) or kills us
                }
            }
        }
    }
}
