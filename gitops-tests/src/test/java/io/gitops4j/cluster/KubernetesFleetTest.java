package io.gitops4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.cluster.ControllerFleet.Node;
import io.gitops4j.k8s.KubernetesLeaseStore;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.target.Target;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three controllers of one fleet on the embedded Kubernetes API, with real Lease objects and the Kubernetes
 * target: the fleet's state is readable in the cluster, as {@code kubectl get leases} shows it.
 */
class KubernetesFleetTest {
    private EmbeddedKubernetesApi api;
    private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();
    private final List<KubernetesTarget> targets = new ArrayList<>();

    @BeforeEach
    void start() {
        api = EmbeddedKubernetesApi.builder().build().start();
    }

    @AfterEach
    void stop() {
        targets.forEach(KubernetesTarget::close);
        clients.values().forEach(KubernetesClient::close);
        api.close();
    }

    private KubernetesClient client(String replica) {
        return clients.computeIfAbsent(replica, r -> new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(api.kubeconfig())).build());
    }

    private Target target(String replica) {
        KubernetesTarget target = KubernetesTarget.builder().client(client(replica)).fieldManager("gitops4j").build();
        targets.add(target);
        return target;
    }

    private ControllerFleet fleet(int applications) {
        return new ControllerFleet(applications, replica -> KubernetesLeaseStore.of(client(replica)), this::target);
    }

    private Map<String, String> claimHolders() {
        Map<String, String> holders = new TreeMap<>();
        for (LeaseRecord lease : KubernetesLeaseStore.of(client("observer")).list("gitops4j-app-")) {
            holders.put(lease.name(), lease.holder());
        }
        return holders;
    }

    @Test
    void theFleetAppliesEveryApplicationOnceAndKeepsItsStateInLeases() {
        try (ControllerFleet fleet = fleet(9)) {
            fleet.start("replica-a");
            Node b = fleet.start("replica-b");
            fleet.start("replica-c");
            fleet.advance(Duration.ofSeconds(10));
            for (String application : fleet.sources.keySet()) {
                ConfigMap applied = client("observer").configMaps().inNamespace("default").withName(application).get();
                assertThat(applied).as(application).isNotNull();
                assertThat(applied.getData()).containsEntry("owner", application);
            }
            Map<String, String> holders = claimHolders();
            assertThat(holders).hasSize(9);
            assertThat(holders.values()).containsOnly("replica-a", "replica-b", "replica-c");
            assertThat(KubernetesLeaseStore.of(client("observer")).list("gitops4j-replica-"))
                    .extracting(LeaseRecord::holder).containsExactly("replica-a", "replica-b", "replica-c");

            b.killed = true;
            fleet.advance(ControllerFleet.TIMING.leaseDuration().plus(Duration.ofSeconds(10)));
            assertThat(claimHolders().values()).hasSize(9).containsOnly("replica-a", "replica-c");
        }
    }

    @Test
    void kubectlShowsWhichReplicaHoldsEachLease(@TempDir Path home) throws Exception {
        Path kubectl = Path.of("/usr/bin/kubectl");
        assumeTrue(Files.isExecutable(kubectl), "kubectl is not installed at /usr/bin/kubectl; skipping the check"
                + " of the fleet's Leases as kubectl shows them");
        try (ControllerFleet fleet = fleet(3)) {
            fleet.start("replica-a");
            fleet.advance(Duration.ofSeconds(4));
            Path config = home.resolve("kubeconfig");
            Files.writeString(config, api.kubeconfig());
            Process process = new ProcessBuilder(kubectl.toString(), "--kubeconfig", config.toString(), "--cache-dir",
                    home.resolve("cache").toString(), "get", "leases", "-n", "gitops4j-system", "-l",
                    "gitops4j.io/lease=true", "-o", "custom-columns=NAME:.metadata.name,HOLDER:.spec.holderIdentity")
                    .redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(out).isZero();
            assertThat(out).containsPattern("(?m)^gitops4j-app-app-000\\s+replica-a$")
                    .containsPattern("(?m)^gitops4j-replica-replica-a\\s+replica-a$");
        }
    }
}
