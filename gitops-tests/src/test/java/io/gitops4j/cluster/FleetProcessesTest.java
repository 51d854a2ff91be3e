package io.gitops4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.k8s.KubernetesLeaseStore;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas as separate processes (real clocks, real timers, real HTTP) on one embedded Kubernetes API: they share
 * the applications, and when one is killed with SIGKILL the survivor claims its applications and applies them.
 */
class FleetProcessesTest {
    private static final int APPLICATIONS = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private EmbeddedKubernetesApi api;
    private KubernetesClient client;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void start() {
        api = EmbeddedKubernetesApi.builder().build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        client.close();
        api.close();
    }

    private Process replica(Path kubeconfig, String identity, Path logs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FleetReplicaMain.class.getName(), kubeconfig.toString(), identity, Integer.toString(APPLICATIONS))
                .redirectErrorStream(true).redirectOutput(logs.resolve(identity + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private Map<String, String> claims() {
        Map<String, String> holders = new TreeMap<>();
        for (LeaseRecord lease : KubernetesLeaseStore.of(client).list("gitops4j-app-")) {
            holders.put(lease.name(), lease.holder());
        }
        return holders;
    }

    /** Polls a condition of the other processes' progress until it holds or the patience runs out. */
    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    @Test
    void twoProcessesShareTheApplicationsAndTheSurvivorTakesOverAfterAKill(@TempDir Path dir) throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, api.kubeconfig());
        replica(kubeconfig, "replica-a", dir);
        Process b = replica(kubeconfig, "replica-b", dir);

        boolean shared = await(() -> {
            Map<String, String> claims = claims();
            return claims.size() == APPLICATIONS && claims.values().containsAll(List.of("replica-a", "replica-b"));
        });
        assertThat(shared).as("both replicas hold claims; claims now %s; logs in %s", claims(), dir).isTrue();
        assertThat(await(() -> client.configMaps().inNamespace("default").list().getItems().stream()
                .filter(cm -> cm.getMetadata().getName().startsWith("app-")).count() == APPLICATIONS))
                .as("every application applied").isTrue();

        b.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        boolean takenOver = await(() -> claims().values().stream().allMatch("replica-a"::equals));
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(takenOver).as("replica-a holds every claim after replica-b was killed; claims now %s", claims())
                .isTrue();
        assertThat(claims()).hasSize(APPLICATIONS);
        System.out.println("takeover after SIGKILL took " + took.toMillis() + " ms (lease 3 s, retry 0.5 s)");
    }
}
