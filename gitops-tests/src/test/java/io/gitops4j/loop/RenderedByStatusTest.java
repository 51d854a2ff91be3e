package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.kustomize.KustomizeRenderer;
import io.gitops4j.render.Renderers;
import io.gitops4j.source.DirectorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application's status names the renderer of the state its last run loaded, as Argo CD's source type does. */
class RenderedByStatusTest {
    private final LoopFixture loop = new LoopFixture();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void theStatusNamesTheRendererOfTheLastLoadedStateAndNoneForPlainManifests() throws Exception {
        // given a Kustomize folder
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [settings.yaml]\n");
        Files.writeString(dir.resolve("settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, "
                + "namespace: shop}\ndata: {colour: blue}\n");
        DirectorySource source = DirectorySource.builder(dir).renderers(Renderers.of(new KustomizeRenderer())).build();

        // when
        loop.controller.add(Application.builder().name("shop").source(source).target(loop.target)
                .interval(LoopFixture.INTERVAL).intervalJitter(0).build());

        // then
        assertThat(loop.controller.status("shop").renderedBy()).isEqualTo("kustomize (native)");
        assertThat(loop.controller.status("shop").toString()).contains("renderedBy=kustomize (native)");

        // when the folder becomes plain manifests, with a change (a folder's revision is the digest of its content)
        Files.delete(dir.resolve("kustomization.yaml"));
        Files.writeString(dir.resolve("settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, "
                + "namespace: shop}\ndata: {colour: red}\n");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.controller.status("shop").renderedBy()).isEmpty();
        assertThat(loop.controller.status("shop").toString()).doesNotContain("renderedBy");
    }
}
