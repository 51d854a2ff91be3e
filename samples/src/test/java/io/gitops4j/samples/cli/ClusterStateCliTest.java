package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI reads history and status from the cluster (the inventory namespace), as the library writes them, and
 * rolls back only to a run that became healthy; on the embedded API through a kubeconfig, so commands share it.
 */
class ClusterStateCliTest {
    private static final String CONFIG_V1 = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
            + "  namespace: default\ndata:\n  color: red\n";
    private static final String CONFIG_V2 = CONFIG_V1.replace("red", "blue");
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: default
            spec:
              replicas: 1
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
            """;

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    @TempDir
    Path temp;

    private String[] cluster;

    @BeforeEach
    void kubeconfig() {
        Path kubeconfig = k8s.api().writeKubeconfig(temp.resolve("kubeconfig.yaml"));
        cluster = new String[] {"--kubeconfig", kubeconfig.toString(), "--context", "gitops4j-embedded", "--app",
            "shop"};
    }

    private CliRun cli(String command, String... args) {
        return CliRun.of(Stream.concat(Stream.of(command), Stream.concat(Stream.of(args), Stream.of(cluster)))
                .toArray(String[]::new));
    }

    @Test
    void rollbackSkipsARunWhoseHealthWaitFailedAndHistoryAndStatusShowTheClustersRecords() throws IOException {
        try (GitRepoFixture repo = GitRepoFixture.create()) {
            // given v1 applied and healthy, then v2 whose Deployment never becomes available (no controller runs)
            String v1 = repo.commit("main", "v1", Map.of("app/settings.yaml", CONFIG_V1));
            String[] source = {"--repo", repo.fileUri(), "--path", "app"};
            assertThat(cli("apply", concat(source, "--wait", "--timeout", "PT10S")).exitCode())
                    .isEqualTo(ExitCodes.OK);
            repo.replaceTree("main", "v2", Map.of("app/settings.yaml", CONFIG_V2, "app/web.yaml", DEPLOYMENT));
            CliRun unhealthy = cli("apply", concat(source, "--wait", "--timeout", "PT0.3S"));
            assertThat(unhealthy.exitCode()).isEqualTo(ExitCodes.ERROR);

            // when
            CliRun rollback = cli("rollback", source);
            CliRun history = cli("history", "-o", "json");
            CliRun statusJson = cli("status", "-o", "json");
            CliRun status = cli("status");

            // then v2 (applied, never healthy) is passed over for v1
            assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(ExitCodes.OK);
            assertThat(rollback.out()).contains("Rolling back shop to revision " + v1.substring(0, 12));
            assertThat(k8s.api().get("v1", "ConfigMap", "default", "settings").orElseThrow()
                    .path("data").path("color").asText()).isEqualTo("red");
            JsonNode runs = new ObjectMapper().readTree(history.out()).path("runs");
            assertThat(runs).hasSize(3);
            assertThat(runs.get(0).path("revision").asText()).isEqualTo(v1);
            assertThat(runs.get(1).path("outcome").asText()).isEqualTo("APPLIED");
            assertThat(runs.get(1).path("health").asText()).isEqualTo("UNHEALTHY");
            assertThat(runs.get(1).path("rollbackPoint").asBoolean()).isFalse();
            assertThat(runs.get(2).path("health").asText()).isEqualTo("HEALTHY");
            assertThat(runs.get(2).path("runBy").asText()).isEqualTo(System.getProperty("user.name") + "@"
                    + runs.get(2).path("runBy").asText().substring(runs.get(2).path("runBy").asText().indexOf('@')
                    + 1));

            // and status shows the inventory, the runs and the live health from the cluster
            assertThat(statusJson.exitCode()).as(statusJson.err()).isEqualTo(ExitCodes.OK);
            JsonNode state = new ObjectMapper().readTree(statusJson.out());
            assertThat(state.path("inventory").path("revision").path("id").asText()).isEqualTo(v1);
            assertThat(state.path("inventory").path("owned").asInt()).isEqualTo(1);
            assertThat(state.path("runs")).hasSize(3);
            assertThat(state.path("objects").get(0).path("key").asText()).isEqualTo("ConfigMap/default/settings");
            assertThat(state.path("objects").get(0).path("health").asText()).isEqualTo("HEALTHY");
            assertThat(state.path("objects").get(0).path("sync").asText()).isEqualTo("Unknown");
            assertThat(status.out()).contains("Application shop on cluster from", "Inventory: revision "
                    + v1.substring(0, 12), "Last runs:", "UNHEALTHY", "ConfigMap/default/settings", "overall:");
        }
    }

    @Test
    void statusWithASourceTellsWhichOwnedObjectsAreOutOfSync() throws IOException {
        // given settings applied, then changed in the folder
        Path dir = java.nio.file.Files.createDirectories(temp.resolve("manifests"));
        java.nio.file.Files.writeString(dir.resolve("settings.yaml"), CONFIG_V1);
        assertThat(cli("apply", "--dir", dir.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        java.nio.file.Files.writeString(dir.resolve("settings.yaml"), CONFIG_V2);

        // when
        CliRun status = cli("status", "--dir", dir.toString(), "-o", "json");

        // then
        assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(status.out()).path("objects").get(0).path("sync").asText())
                .isEqualTo("OutOfSync (update)");
    }

    @Test
    void theCliKeepsTheInventoryWhereTheLibraryDoesWhateverTheNamespace() throws IOException {
        // given a folder of objects for the namespace shop, which it declares
        Path dir = java.nio.file.Files.createDirectories(temp.resolve("manifests"));
        java.nio.file.Files.writeString(dir.resolve("all.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n"
                + "  name: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  k: v\n");

        // when it is applied with --namespace shop
        CliRun apply = cli("apply", "--dir", dir.toString(), "--namespace", "shop");

        // then the objects are in shop and the inventory in gitops4j-system, as KubernetesTarget keeps it
        assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCodes.OK);
        EmbeddedKubernetesApi api = k8s.api();
        assertThat(api.get("v1", "ConfigMap", "shop", "settings")).isPresent();
        assertThat(api.get("v1", "ConfigMap", "gitops4j-system", "gitops4j-inventory-shop")).isPresent();
        assertThat(api.get("v1", "ConfigMap", "shop", "gitops4j-inventory-shop")).isEmpty();
        assertThat(api.get("v1", "ConfigMap", "default", "gitops4j-inventory-shop")).isEmpty();
    }

    @Test
    void aMissingInventoryNamespaceIsOneErrorLineSayingWhatToDo() throws IOException {
        // given
        Path dir = java.nio.file.Files.createDirectories(temp.resolve("manifests"));
        java.nio.file.Files.writeString(dir.resolve("settings.yaml"), CONFIG_V1);

        // when
        CliRun apply = cli("apply", "--dir", dir.toString(), "--inventory-namespace", "ops");

        // then
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(apply.err()).startsWith("error: ").contains("inventory namespace ops does not exist",
                "kubectl create namespace ops", "--inventory-namespace");
        assertThat(k8s.api().get("v1", "Namespace", "", "ops")).isEmpty();
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }
}
