package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops4j.samples.demo.DemoManifests;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on a real Git repository (history and rollback) and on the embedded Kubernetes API. */
class GitAndEmbeddedCliTest {
    @TempDir
    Path temp;

    @Test
    void rollbackReturnsToThePreviousRevisionFromTheHistory() throws IOException {
        try (GitRepoFixture repo = GitRepoFixture.create()) {
            // given: v1 applied, then v2 committed and applied
            String v1 = repo.commit("main", "v1", DemoManifests.version("v1"));
            String[] common = {"--repo", repo.fileUri(), "--path", DemoManifests.REPOSITORY_FOLDER,
                "--folder-target", temp.resolve("live").toString(), "--app", "shop"};
            assertThat(CliRun.of(concat("apply", common)).exitCode()).isEqualTo(ExitCodes.OK);
            repo.replaceTree("main", "v2", DemoManifests.version("v2"));
            assertThat(CliRun.of(concat("plan", common)).exitCode()).isEqualTo(ExitCodes.CHANGES);
            assertThat(CliRun.of(concat("apply", common)).exitCode()).isEqualTo(ExitCodes.OK);

            // when
            CliRun rollback = CliRun.of(concat("rollback", common));
            CliRun history = CliRun.of("history", "--folder-target", temp.resolve("live").toString(), "--app",
                    "shop");

            // then
            assertThat(rollback.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(rollback.out()).contains("Rolling back shop to revision " + v1.substring(0, 12),
                    "+ Service/demo-shop/shop", "~ spec.replicas: 3 -> 2");
            assertThat(temp.resolve("live/core/Service/demo-shop/shop.json")).exists();
            assertThat(history.out()).contains("3    ", v1.substring(0, 7));
        }
    }

    @Test
    void rollbackWithoutAnEarlierRevisionIsAnError() {
        // when
        CliRun rollback = CliRun.of("rollback", "--dir", temp.toString(), "--folder-target",
                temp.resolve("live").toString());

        // then
        assertThat(rollback.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(rollback.err()).startsWith("error: no earlier run of gitops4j applied a revision that became "
                + "healthy");
    }

    @Test
    void applyToTheEmbeddedApiWaitsForHealth() throws IOException {
        // given
        Path manifests = DemoManifests.writeTo("v1", temp.resolve("manifests"));

        // when
        CliRun apply = CliRun.of("apply", "--dir", manifests.toString(), "--embedded", "--wait", "--timeout",
                "30s", "-o", "json");

        // then
        assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(apply.out());
        assertThat(json.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(json.path("health").path("apps/Deployment/demo-shop/shop").path("status").asText())
                .isEqualTo("HEALTHY");
    }

    @Test
    void planAndApplyThroughAKubeconfigContext() {
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start()) {
            // given: a cluster reached only through a kubeconfig file
            Path manifests = DemoManifests.writeTo("v1", temp.resolve("manifests"));
            Path kubeconfig = api.writeKubeconfig(temp.resolve("kubeconfig.yaml"));
            String[] common = {"--dir", manifests.toString(), "--kubeconfig", kubeconfig.toString(), "--context",
                "gitops4j-embedded"};

            // when
            CliRun before = CliRun.of(concat("plan", common));
            CliRun apply = CliRun.of(concat("apply", common));
            CliRun after = CliRun.of(concat("diff", common));

            // then
            assertThat(before.exitCode()).as(before.err()).isEqualTo(ExitCodes.CHANGES);
            assertThat(before.out()).contains("context gitops4j-embedded", "Plan: 5 to create");
            assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCodes.OK);
            assertThat(after.exitCode()).as(after.out()).isEqualTo(ExitCodes.OK);
            assertThat(api.get("apps/v1", "Deployment", "demo-shop", "shop")).isPresent();
        }
    }

    @Test
    void anUnknownContextIsOneErrorLine() throws IOException {
        // given
        Path kubeconfig = temp.resolve("kubeconfig.yaml");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n");

        // when
        CliRun plan = CliRun.of("plan", "--dir", temp.toString(), "--kubeconfig", kubeconfig.toString(),
                "--context", "nowhere");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.err()).startsWith("error: ").contains("kubeconfig");
    }

    @Test
    void anUnreachableRepositoryIsOneErrorLine() {
        // when
        CliRun plan = CliRun.of("plan", "--repo", temp.resolve("missing.git").toString(), "--folder-target",
                temp.resolve("live").toString());

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.err()).startsWith("error: ").contains("missing.git");
        assertThat(Files.exists(temp.resolve("live"))).isFalse();
    }

    private static String[] concat(String command, String[] common) {
        String[] args = new String[common.length + 1];
        args[0] = command;
        System.arraycopy(common, 0, args, 1, common.length);
        return args;
    }
}
