package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.samples.demo.DemoManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's --confirm-prune and --sync-options on a local folder of manifests and a FolderTarget. */
class SyncOptionsCliTest {
    private static final String CONFIRMED = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: confirmed
              namespace: demo-shop
              annotations:
                gitops4j.io/sync-options: Prune=confirm
            data:
              a: "1"
            """;

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
    void aPruneWaitingForConfirmationRunsOnlyWithConfirmPrune() throws IOException {
        // given
        Files.writeString(manifests.resolve("90-confirmed.yaml"), CONFIRMED);
        run("apply");
        Files.delete(manifests.resolve("90-confirmed.yaml"));

        // when
        CliRun waiting = run("apply");
        CliRun confirmed = run("apply", "--confirm-prune");

        // then
        assertThat(waiting.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(waiting.out()).contains("Prune=confirm");
        assertThat(confirmed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(confirmed.out()).contains("DELETED").contains("confirmed");
        assertThat(run("plan").out()).contains("No changes.");
    }

    @Test
    void applicationSyncOptionsAreParsed() {
        // when
        CliRun apply = run("apply", "--sync-options", "ApplyOutOfSyncOnly=false");
        CliRun again = run("apply", "--sync-options", "ApplyOutOfSyncOnly=false");

        // then
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("UNCHANGED");
    }

    private CliRun run(String command, String... more) {
        String[] args = new String[1 + common.length + more.length];
        args[0] = command;
        System.arraycopy(common, 0, args, 1, common.length);
        System.arraycopy(more, 0, args, 1 + common.length, more.length);
        return CliRun.of(args);
    }
}
