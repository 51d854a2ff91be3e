package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops4j.samples.demo.DemoManifests;
import io.gitops4j.testkit.git.GitRepoFixture;
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
                "--folder-target", temp.resolve("live").toString(), "--history-file",
                temp.resolve("history.jsonl").toString(), "--app", "shop"};
            assertThat(CliRun.of(concat("apply", common)).exitCode()).isEqualTo(ExitCodes.OK);
            repo.replaceTree("main", "v2", DemoManifests.version("v2"));
            assertThat(CliRun.of(concat("plan", common)).exitCode()).isEqualTo(ExitCodes.CHANGES);
            assertThat(CliRun.of(concat("apply", common)).exitCode()).isEqualTo(ExitCodes.OK);

            // when
            CliRun rollback = CliRun.of(concat("rollback", common));
            CliRun history = CliRun.of("history", "--history-file", temp.resolve("history.jsonl").toString(),
                    "--app", "shop");

            // then
            assertThat(rollback.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(rollback.out()).contains("Rolling back shop to revision " + v1.substring(0, 12),
                    "+ Service/demo-shop/shop", "~ /spec/replicas: 3 -> 2");
            assertThat(temp.resolve("live/core/Service/demo-shop/shop.json")).exists();
            assertThat(history.out()).contains("rollback", v1.substring(0, 7));
        }
    }

    @Test
    void rollbackWithoutAnEarlierRevisionIsAnError() {
        // when
        CliRun rollback = CliRun.of("rollback", "--dir", temp.toString(), "--folder-target",
                temp.resolve("live").toString(), "--history-file", temp.resolve("none.jsonl").toString());

        // then
        assertThat(rollback.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(rollback.err()).startsWith("error: no earlier successful revision");
    }

    @Test
    void applyToTheEmbeddedApiWaitsForHealth() throws IOException {
        // given
        Path manifests = DemoManifests.writeTo("v1", temp.resolve("manifests"));

        // when
        CliRun apply = CliRun.of("apply", "--dir", manifests.toString(), "--embedded", "--wait", "--timeout",
                "PT30S", "-o", "json", "--history-file", temp.resolve("history.jsonl").toString());

        // then
        assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(apply.out());
        assertThat(json.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(json.path("health").path("apps/Deployment/demo-shop/shop").path("status").asText())
                .isEqualTo("HEALTHY");
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
