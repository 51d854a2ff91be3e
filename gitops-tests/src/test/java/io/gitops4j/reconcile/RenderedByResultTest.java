package io.gitops4j.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.kustomize.KustomizeRenderer;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.render.Renderers;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.source.DirectorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's result names the renderer that produced the state it loaded, as Argo CD's status names a source type. */
class RenderedByResultTest {
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
            data:
              colour: blue
            """;

    @TempDir
    Path dir;

    private final RecordingTarget target = new RecordingTarget();

    private GitOpsEngine engine(DesiredStateSource source) {
        return GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).build();
    }

    @Test
    void theResultOfAKustomizeFolderNamesTheRendererInTheRunAndInThePlan() throws IOException {
        // given
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [settings.yaml]\n");
        Files.writeString(dir.resolve("settings.yaml"), CONFIG_MAP);
        GitOpsEngine engine = engine(DirectorySource.builder(dir).renderers(Renderers.of(new KustomizeRenderer()))
                .build());

        // when
        ReconcileResult planned = engine.plan();
        ReconcileResult applied = engine.reconcile();

        // then
        assertThat(planned.renderedBy()).isEqualTo("kustomize (native)");
        assertThat(applied.outcome()).as(applied.toString()).isEqualTo(Outcome.APPLIED);
        assertThat(applied.renderedBy()).isEqualTo("kustomize (native)");
        assertThat(applied.toString()).contains("renderedBy=kustomize (native)");
    }

    @Test
    void theResultOfPlainManifestsNamesNoRendererAndItsSummaryIsUnchanged() throws IOException {
        // given
        Files.writeString(dir.resolve("settings.yaml"), CONFIG_MAP);

        // when
        ReconcileResult applied = engine(DirectorySource.of(dir)).reconcile();

        // then
        assertThat(applied.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(applied.renderedBy()).isEmpty();
        assertThat(applied.toString()).doesNotContain("renderedBy");
    }

    @Test
    void aRunWhoseLoadFailedNamesNoRenderer() throws IOException {
        // given a kustomization that lists a file that is not there
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [missing.yaml]\n");

        // when
        ReconcileResult failed = engine(DirectorySource.builder(dir).renderers(Renderers.of(new KustomizeRenderer()))
                .build()).reconcile();

        // then
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.revision()).isEmpty();
        assertThat(failed.renderedBy()).isEmpty();
    }
}
