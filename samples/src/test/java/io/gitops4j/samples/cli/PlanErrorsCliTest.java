package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan never promises what apply refuses: it lists every error apply would hit and exits 1. */
class PlanErrorsCliTest {
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
    void objectsOwnedByAnotherApplicationAreErrorsOfThePlan() throws IOException {
        // given: another application applied the same objects, and shop changes one of them
        assertThat(run("other", "apply").exitCode()).isEqualTo(ExitCodes.OK);

        // when
        CliRun plan = run("shop", "plan");
        CliRun json = run("shop", "plan", "-o", "json");
        CliRun apply = run("shop", "apply");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.out()).contains("Errors:", "! ConfigMap/demo-shop/shop-config: not applied: owned by "
                + "application other");
        assertThat(plan.lastLine()).startsWith("Plan failed: apply would hit");
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.path("errors")).extracting(error -> error.path("key").asText())
                .contains("ConfigMap/demo-shop/shop-config", "apps/Deployment/demo-shop/shop");
        assertThat(document.path("error").path("message").asText()).contains("owned by application other");
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(apply.err()).contains("owned by application other");
    }

    @Test
    void aPruneTheSafetyLimitRefusesIsAnErrorUnlessAllowed() throws IOException {
        // given: 5 owned, 3 no longer declared
        run("shop", "apply");
        for (String file : new String[] {"10-config.yaml", "20-secret.yaml", "40-service.yaml"}) {
            Files.delete(manifests.resolve(file));
        }

        // when
        CliRun plan = run("shop", "plan");
        CliRun allowed = run("shop", "plan", "--allow-large-prune");
        CliRun kept = run("shop", "plan", "--no-prune");
        CliRun apply = run("shop", "apply");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.out()).contains("refusing to delete 3 of 5 owned resources", "--allow-large-prune");
        assertThat(allowed.exitCode()).isEqualTo(ExitCodes.CHANGES);
        assertThat(kept.exitCode()).isEqualTo(ExitCodes.CHANGES);
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(apply.err()).contains("refusing to delete 3 of 5", "--allow-large-prune")
                .doesNotContain("allowLargePrune()");
    }

    @Test
    void anEmptySourceNamesTheFlagThatAllowsItAndThatFlagAlonePrunesEverything() throws IOException {
        // given: everything applied, then every manifest deleted
        run("shop", "apply");
        try (var files = Files.list(manifests)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        // when
        CliRun refused = run("shop", "apply");
        CliRun allowed = run("shop", "apply", "--allow-empty");
        CliRun after = run("shop", "plan", "--allow-empty");

        // then the refusal names the command-line flag, which alone lets the prune through
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("refusing to reconcile an empty desired state", "--allow-empty")
                .doesNotContain("allowEmpty()");
        assertThat(allowed.exitCode()).as(allowed.err()).isEqualTo(ExitCodes.OK);
        assertThat(after.exitCode()).as(after.out()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anEmptyDesiredStateOfAnApplicationThatOwnsResourcesIsAnErrorNotNoChanges() throws IOException {
        // given
        run("shop", "apply");
        try (var files = Files.list(manifests)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        // when
        CliRun plan = run("shop", "plan");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.out()).contains("refusing to reconcile an empty desired state").doesNotContain("No changes");
    }

    @Test
    void aResourceThatCannotBePreparedIsAnErrorAndTheRestIsStillPlanned() throws IOException {
        // given
        Files.writeString(manifests.resolve("50-bad-wave.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: bad-wave
                  namespace: demo-shop
                  annotations: {gitops4j.io/wave: soon}
                """);

        // when
        CliRun plan = run("shop", "plan");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.out()).contains("ConfigMap/demo-shop/bad-wave", "gitops4j.io/wave").doesNotContain("No changes");
    }

    @Test
    void aFailedLoadNeverPrintsNoChanges() throws IOException {
        // given
        Files.writeString(manifests.resolve("50-broken.yaml"), "metadata: [\n");

        // when
        CliRun plan = run("shop", "plan");
        CliRun diff = run("shop", "diff");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(diff.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.out() + diff.out()).doesNotContain("No changes").doesNotContain("0 to change");
    }

    private CliRun run(String application, String command, String... more) {
        return workspace.run(CliRun.SCRIPT, application, command, more);
    }
}
