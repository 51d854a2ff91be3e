package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, diff and apply speak one JSON vocabulary; errors are JSON too; documented exit codes. */
class JsonVocabularyCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CliWorkspace workspace;
    private Path manifests;

    @BeforeEach
    void setUp() {
        workspace = CliWorkspace.in(temp);
        manifests = workspace.manifests();
    }

    @Test
    void planDiffAndApplyNameTheSameThingsTheSameWay() throws IOException {
        // given
        run("apply");
        workspace.replace("10-config.yaml", "EUR", "CHF");

        // when
        List<JsonNode> documents = List.of(json(run("plan", "-o", "json")), json(run("diff", "-o", "json")),
                json(run("apply", "-o", "json")));

        // then
        for (JsonNode document : documents) {
            assertThat(document.path("application").asText()).isEqualTo("shop");
            assertThat(document.path("revision").path("id").asText()).isNotEmpty();
            assertThat(document.path("summary").path("update").asInt()).isEqualTo(1);
            assertThat(document.path("errors")).isEmpty();
            assertThat(document.path("error").isNull()).isTrue();
            JsonNode resource = document.path("resources").get(0);
            assertThat(resource.path("key").asText()).isEqualTo("ConfigMap/demo-shop/shop-config");
            assertThat(resource.path("action").asText()).isEqualTo("UPDATE");
            JsonNode change = resource.path("changes").get(0);
            assertThat(change.path("path").asText()).isEqualTo("data.CURRENCY");
            assertThat(change.path("pointer").asText()).isEqualTo("/data/CURRENCY");
            assertThat(change.path("op").asText()).isEqualTo("replace");
            assertThat(change.path("before").asText()).isEqualTo("EUR");
            assertThat(change.path("after").asText()).isEqualTo("CHF");
        }
        assertThat(documents).extracting(document -> document.path("command").asText())
                .containsExactly("plan", "diff", "apply");
        assertThat(documents.get(2).path("resources").get(0).path("status").asText()).isEqualTo("APPLIED");
    }

    @Test
    void aCreateCarriesItsBodyWithSecretValuesRedacted() throws IOException {
        // when
        CliRun plan = run("plan", "-o", "json");

        // then
        JsonNode secret = json(plan).path("resources").findParent("body");
        assertThat(plan.out()).doesNotContain("not-a-real-password");
        assertThat(secret).isNotNull();
        JsonNode body = findResource(json(plan), "Secret/demo-shop/shop-db-credentials").path("body");
        assertThat(body.path("stringData").path("DB_PASSWORD").asText()).isEqualTo("(redacted)");
    }

    @Test
    void anErrorUnderJsonOutputIsAJsonDocumentOnStdout() throws IOException {
        // when
        CliRun missingFolder = CliRun.of("plan", "--dir", temp.resolve("nowhere").toString(), "--folder-target",
                temp.resolve("live").toString(), "-o", "json");
        CliRun badOption = CliRun.of("diff", "--output", "json", "--no-such-option");

        // then
        for (CliRun run : new CliRun[] {missingFolder, badOption}) {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(run.err()).isEmpty();
            assertThat(json(run).path("error").path("message").asText()).isNotEmpty();
        }
        assertThat(json(missingFolder).path("error").path("message").asText()).contains("is not a folder");
        assertThat(json(missingFolder).path("error").path("type").asText()).isEqualTo("CommandException");
        assertThat(json(badOption).path("error").path("message").asText()).contains("--no-such-option");
    }

    @Test
    void aFailedApplyUnderJsonOutputCarriesItsError() throws IOException {
        // given another application owns the objects
        run("apply");

        // when
        CliRun apply = workspace.run(CliRun.SCRIPT, "other", "apply", "-o", "json");

        // then
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.ERROR);
        JsonNode document = json(apply);
        assertThat(document.path("succeeded").asBoolean()).isFalse();
        assertThat(document.path("error").path("message").asText()).contains("owned by application shop");
        assertThat(document.path("errors").size()).isPositive();
    }

    @Test
    void diffExitCodeFollowsKubectlWhenAsked() throws IOException {
        // when
        CliRun pending = run("diff", "--exit-code");
        CliRun pendingDefault = run("diff");
        run("apply");
        CliRun none = run("diff", "--exit-code");
        Files.writeString(manifests.resolve("50-broken.yaml"), "metadata: [\n");
        CliRun broken = run("diff", "--exit-code");

        // then
        assertThat(pending.exitCode()).isEqualTo(1);
        assertThat(pendingDefault.exitCode()).isEqualTo(ExitCodes.CHANGES);
        assertThat(none.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.DIFF_ERROR);
        assertThat(broken.err()).startsWith("error: ").contains("50-broken.yaml");
    }

    @Test
    void theHelpFooterListsTheExitCodes() {
        // when
        CliRun help = CliRun.of("--help");

        // then
        assertThat(help.out()).contains("Exit codes:", "0  success", "1  error", "2  plan, diff: changes pending",
                "diff --exit-code", "30s, 5m, 1h30m");
    }

    private static JsonNode findResource(JsonNode document, String key) {
        for (JsonNode resource : document.path("resources")) {
            if (resource.path("key").asText().equals(key)) {
                return resource;
            }
        }
        throw new AssertionError("no resource " + key + " in " + document);
    }

    private static JsonNode json(CliRun run) throws IOException {
        return JSON.readTree(run.out());
    }

    private CliRun run(String command, String... more) {
        return workspace.run(command, more);
    }
}
