package io.gitops4j.source;

import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.source.DirectorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest replaced by a symbolic link fails the run, and a failed load never prunes. */
class SymlinkedManifestTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.create();

    private GitOpsEngine engine(InMemoryTarget target) {
        return GitOpsEngine.builder().application("shop").source(DirectorySource.of(dir)).target(target).clock(clock)
                .sleeper(clock).healthPollInterval(Duration.ofSeconds(10)).build();
    }

    private void writeConfigMap(String name) throws Exception {
        Files.createDirectories(dir.resolve("deploy"));
        Files.writeString(dir.resolve("deploy/" + name + ".yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: shop}\ndata: {v: '1'}\n");
    }

    @Test
    void aManifestReplacedByASymbolicLinkFailsTheRunAndPrunesNothing() throws Exception {
        // given
        for (String name : new String[] {"t-01", "t-02", "t-03", "t-04"}) {
            writeConfigMap(name);
        }
        InMemoryTarget target = InMemoryTarget.create();
        assertThat(engine(target).reconcile().outcome()).isEqualTo(Outcome.APPLIED);
        Path t03 = dir.resolve("deploy/t-03.yaml");
        Files.delete(t03);
        Files.createSymbolicLink(t03, Path.of("t-04.yaml"));

        // when
        ReconcileResult result = engine(target).reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("deploy/t-03.yaml")
                .contains("symbolic link"));
        assertThat(target.deletedKeys()).isEmpty();
        assertThat(target.contents()).containsKey(ResourceKey.of("", "ConfigMap", "shop", "t-03"));
    }
}
