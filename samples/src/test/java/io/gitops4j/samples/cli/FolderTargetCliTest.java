package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops4j.samples.demo.DemoManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on a local folder of manifests and a FolderTarget: exit codes, text and JSON output, errors. */
class FolderTargetCliTest {
    @TempDir
    Path temp;

    private Path manifests;
    private String[] common;

    @BeforeEach
    void setUp() {
        manifests = DemoManifests.writeTo("v1", temp.resolve("manifests"));
        common = new String[] {"--dir", manifests.toString(), "--folder-target", temp.resolve("live").toString(),
            "--app", "shop"};
    }

    @Test
    void planExitsTwoWithPendingChangesAndZeroOnceApplied() {
        // when
        CliRun before = run("plan");
        CliRun apply = run("apply");
        CliRun after = run("plan");

        // then
        assertThat(before.exitCode()).isEqualTo(ExitCodes.CHANGES);
        assertThat(before.out()).contains("Plan: 5 to create, 0 to update, 0 to delete, 0 unchanged.");
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(apply.out()).contains("APPLIED revision", "APPLIED   CREATE apps/Deployment/demo-shop/shop");
        assertThat(after.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(after.out()).contains("No changes.");
    }

    @Test
    void planWritesNothing() {
        // when
        run("plan");

        // then
        assertThat(temp.resolve("live")).doesNotExist();
    }

    @Test
    void jsonOutputIsOneParsableDocument() throws IOException {
        // when
        CliRun plan = run("plan", "-o", "json");
        CliRun apply = run("apply", "--output", "JSON");

        // then
        JsonNode planJson = new ObjectMapper().readTree(plan.out());
        assertThat(planJson.path("inSync").asBoolean()).isFalse();
        assertThat(planJson.path("resources")).hasSize(5);
        JsonNode applyJson = new ObjectMapper().readTree(apply.out());
        assertThat(applyJson.path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(applyJson.path("resources")).hasSize(5);
        assertThat(applyJson.path("revision").path("id").asText()).isNotEmpty();
    }

    @Test
    void diffShowsFieldsAndRedactsSecrets() throws IOException {
        // given
        run("apply");
        Files.writeString(manifests.resolve("10-config.yaml"),
                Files.readString(manifests.resolve("10-config.yaml")).replace("EUR", "CHF"));
        Files.writeString(manifests.resolve("20-secret.yaml"),
                Files.readString(manifests.resolve("20-secret.yaml")).replace("password-v1", "password-v9"));

        // when
        CliRun diff = run("diff");
        CliRun json = run("diff", "-o", "json");

        // then
        assertThat(diff.exitCode()).isEqualTo(ExitCodes.CHANGES);
        assertThat(diff.out()).contains("~ ConfigMap/demo-shop/shop-config", "~ data.CURRENCY: \"EUR\" -> \"CHF\"",
                "<redacted>");
        assertThat(diff.out() + json.out()).doesNotContain("not-a-real-password");
        assertThat(new ObjectMapper().readTree(json.out()).path("resources")).hasSize(2);
    }

    @Test
    void pruneRemovesWhatIsNoLongerDeclaredUnlessNoPrune() throws IOException {
        // given
        run("apply");
        Files.delete(manifests.resolve("40-service.yaml"));

        // when
        CliRun kept = run("apply", "--no-prune");
        CliRun dryRun = run("apply", "--dry-run");
        CliRun pruned = run("apply");

        // then
        assertThat(kept.out()).contains("SKIPPED   DELETE Service/demo-shop/shop", "prune is off");
        assertThat(dryRun.out()).contains("DRY_RUN");
        assertThat(pruned.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(pruned.out()).contains("DELETED   DELETE Service/demo-shop/shop");
        assertThat(temp.resolve("live/core/Service/demo-shop/shop.json")).doesNotExist();
    }

    @Test
    void aBrokenManifestIsOneErrorLineNamingTheFile() throws IOException {
        // given
        Files.writeString(manifests.resolve("50-broken.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: [\n");

        // when
        CliRun plan = run("plan");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.err()).startsWith("error: ").contains("50-broken.yaml");
        assertThat(plan.err().lines().filter(line -> line.startsWith("error:"))).hasSize(1);
        assertThat(plan.err()).doesNotContain("\tat ");
    }

    @Test
    void aFailedStepIsOneErrorLineNamingTheResourceOnce() throws IOException {
        // given a file where the folder of Services must go, so writing the Service fails
        Files.createDirectories(temp.resolve("live/core"));
        Files.writeString(temp.resolve("live/core/Service"), "in the way");

        // when
        CliRun apply = run("apply");

        // then
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.ERROR);
        String line = apply.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElseThrow();
        assertThat(line).startsWith("error: Service/demo-shop/shop: cannot write");
    }

    @Test
    void verbosePrintsTheStackTrace() throws IOException {
        // given
        Files.writeString(manifests.resolve("50-broken.yaml"), "metadata: [\n");

        // when
        CliRun plan = run("plan", "--verbose");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.err()).contains("50-broken.yaml", "\tat ");
    }

    @Test
    void usageErrorsExitOne() {
        // when
        CliRun unknown = CliRun.of("plan", "--no-such-option");
        CliRun noTarget = CliRun.of("plan", "--dir", manifests.toString());
        CliRun noCommand = CliRun.of();

        // then
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(unknown.err()).contains("--no-such-option", "gitops4j plan --help");
        assertThat(noTarget.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(noTarget.err()).contains("choose one target");
        assertThat(noCommand.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(noCommand.err()).contains("demo", "plan", "rollback");
    }

    @Test
    void reconcileIsAnAliasOfApplyAndHistoryListsRuns() throws IOException {
        // when
        run("reconcile");
        run("apply");
        String live = temp.resolve("live").toString();
        CliRun history = CliRun.of("history", "--folder-target", live, "--app", "shop");
        CliRun json = CliRun.of("history", "--folder-target", live, "--app", "shop", "-o", "json");

        // then the runs recorded on the target are listed newest first
        assertThat(history.exitCode()).as(history.err()).isEqualTo(ExitCodes.OK);
        assertThat(history.out()).contains("2    ", "CONVERGED", "1    ", "APPLIED", "HEALTHY");
        assertThat(history.out().lines().skip(1).toList()).satisfiesExactly(
                newest -> assertThat(newest).startsWith("2 ").contains("CONVERGED"),
                oldest -> assertThat(oldest).startsWith("1 ").contains("APPLIED", "HEALTHY"));
        JsonNode runs = new ObjectMapper().readTree(json.out()).path("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("number").asLong()).isEqualTo(2);
        assertThat(runs.get(1).path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(runs.get(1).path("runBy").asText()).contains("@");
    }

    @Test
    void watchRunsTheControllerAndStops() {
        // when
        CliRun watch = run("watch", "--runs", "1", "--interval", "PT1H");

        // then
        assertThat(watch.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(watch.out()).contains("Watching", "START APPLIED revision");
        assertThat(temp.resolve("live/apps/Deployment/demo-shop/shop.json")).exists();
    }

    private CliRun run(String command, String... more) {
        String[] args = new String[1 + common.length + more.length];
        args[0] = command;
        System.arraycopy(common, 0, args, 1, common.length);
        System.arraycopy(more, 0, args, 1 + common.length, more.length);
        return CliRun.of(args);
    }
}
