package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What people see: bodies of creates, fields by merge key, colour only at a terminal, a truthful last line. */
class RenderingCliTest {
    private static final String ESCAPE = "\u001b[";
    private static final CliEnvironment TERMINAL = new CliEnvironment(Map.of(), true);

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
    void aCreateShowsTheObjectBodyWithSecretValuesRedacted() {
        // when
        CliRun plan = run(CliRun.SCRIPT, "plan");
        CliRun diff = run(CliRun.SCRIPT, "diff");

        // then
        for (CliRun run : new CliRun[] {plan, diff}) {
            assertThat(run.out()).contains("+ ConfigMap/demo-shop/shop-config (new)", "+   CURRENCY: EUR",
                    "+ kind: Secret", "+   DB_PASSWORD: (redacted)", "+   DB_USER: (redacted)");
            assertThat(run.out()).doesNotContain("not-a-real-password");
        }
    }

    @Test
    void applyShowsTheBodiesOfCreatesAtATerminalAndOnlyTheirStepLinesInAScript() {
        // when
        CliRun script = workspace.run(CliRun.SCRIPT, "shop", "apply", "--no-color");
        CliRun terminal = CliWorkspace.in(temp.resolve("terminal")).run(TERMINAL, "shop", "apply", "--no-color");

        // then
        for (CliRun run : new CliRun[] {script, terminal}) {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("ConfigMap/demo-shop/shop-config will be created",
                    "APPLIED   CREATE ConfigMap/demo-shop/shop-config");
        }
        assertThat(terminal.out()).contains("+ ConfigMap/demo-shop/shop-config (new)", "+   CURRENCY: EUR");
        assertThat(script.out()).doesNotContain("(new)", "CURRENCY");
    }

    @Test
    void changedFieldsAreNamedByTheirListItemsKey() throws IOException {
        // given
        run(CliRun.SCRIPT, "apply");
        workspace.replace("30-deployment.yaml", "podinfo:6.5.0", "podinfo:6.5.1");

        // when
        CliRun plan = run(CliRun.SCRIPT, "plan");
        CliRun diff = run(CliRun.SCRIPT, "diff");

        // then
        String line = "~ spec.template.spec.containers[name=web].image: \"ghcr.io/stefanprodan/podinfo:6.5.0\" -> "
                + "\"ghcr.io/stefanprodan/podinfo:6.5.1\"";
        assertThat(plan.out()).contains(line);
        assertThat(diff.out()).contains(line);
    }

    @Test
    void coloursOnlyAtATerminalWithoutNoColor() {
        // when
        CliRun terminal = run(TERMINAL, "plan");
        CliRun noColorVariable = run(new CliEnvironment(Map.of("NO_COLOR", "1"), true), "plan");
        CliRun noColorFlag = run(TERMINAL, "plan", "--no-color");
        CliRun script = run(CliRun.SCRIPT, "plan");
        CliRun json = run(TERMINAL, "plan", "-o", "json");

        // then
        assertThat(terminal.out()).contains(ESCAPE + "32m  + Namespace/demo-shop (new)" + ESCAPE + "0m");
        assertThat(noColorVariable.out()).doesNotContain(ESCAPE);
        assertThat(noColorFlag.out()).doesNotContain(ESCAPE);
        assertThat(script.out()).doesNotContain(ESCAPE);
        assertThat(json.out()).doesNotContain(ESCAPE);
    }

    @Test
    void theLastLineAgreesWithTheExitCode() throws IOException {
        // when
        CliRun applied = run(CliRun.SCRIPT, "apply");
        CliRun again = run(CliRun.SCRIPT, "apply");
        CliRun inSync = run(CliRun.SCRIPT, "plan");
        workspace.replace("10-config.yaml", "EUR", "CHF");
        CliRun dryRun = run(CliRun.SCRIPT, "apply", "--dry-run");
        CliRun taken = workspace.run(CliRun.SCRIPT, "other", "apply");

        // then
        assertThat(applied.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(applied.lastLine()).startsWith("Applied revision ");
        assertThat(again.lastLine()).startsWith("In sync at revision ");
        assertThat(dryRun.lastLine()).startsWith("Dry run of revision ");
        assertThat(inSync.lastLine()).isEqualTo("No changes. Live state matches desired state.");
        assertThat(taken.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(taken.lastLine()).startsWith("Failed: ").contains("owned by application shop");
        assertThat(taken.out()).doesNotContain("Applied revision");
    }

    @Test
    void theHealthWaitShowsProgressAtATerminal() {
        // when
        CliRun apply = CliRun.in(TERMINAL, "apply", "--dir", manifests.toString(), "--embedded", "--wait",
                "--timeout", "1m");

        // then
        assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCodes.OK);
        assertThat(apply.err()).contains("waiting for health: ", "/5 healthy");
        assertThat(apply.lastLine()).contains("Applied revision ");
    }

    private CliRun run(CliEnvironment environment, String command, String... more) {
        return workspace.run(environment, "shop", command, more);
    }
}
