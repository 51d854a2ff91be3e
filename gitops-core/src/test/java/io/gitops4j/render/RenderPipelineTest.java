package io.gitops4j.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.ManifestException;
import io.gitops4j.SourceException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.source.DirectorySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderPipelineTest {
    private static final ManifestLoader LOADER = ManifestLoader.defaults();

    @TempDir
    Path dir;

    @Test
    void detectsKustomizeFromAnyOfItsFileNamesAndHelmFromChartYaml() throws IOException {
        for (String name : FolderKind.KUSTOMIZATION_FILES) {
            Path folder = Files.createDirectories(dir.resolve("k-" + name));
            write(folder.resolve(name), "resources: []\n");
            assertThat(FolderKind.detect(FolderTree.of(dir), "k-" + name)).isEqualTo(RenderMode.KUSTOMIZE);
        }
        write(dir.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
        write(dir.resolve("plain/a.yaml"), configMap("a"));
        write(dir.resolve("upper/KUSTOMIZATION.YAML"), "resources: []\n");
        assertThat(FolderKind.detect(FolderTree.of(dir), "chart")).isEqualTo(RenderMode.HELM);
        assertThat(FolderKind.detect(FolderTree.of(dir), "plain")).isEqualTo(RenderMode.PLAIN);
        assertThat(FolderKind.detect(FolderTree.of(dir), "upper")).isEqualTo(RenderMode.PLAIN);
    }

    @Test
    void aKustomizeFolderWithABrokenFileSaysItIsKustomizeBeforeParsingAnything() throws IOException {
        write(dir.resolve("kustomization.yaml"), "resources: [broken.yaml]\n");
        write(dir.resolve("broken.yaml"), "apiVersion: v1\n\tkind: ConfigMap\n");
        RenderPipeline pipeline = RenderPipeline.builder().renderers(Renderers.of()).build();

        assertThatThrownBy(() -> pipeline.render(FolderTree.of(dir), "", LOADER))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("is a Kustomize folder (kustomization.yaml)")
                .hasMessageContaining("add io.gitops4j:gitops-kustomize");
    }

    @Test
    void aChartFolderWithoutHelmRendererSaysToAddGitopsHelm() throws IOException {
        write(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
        DirectorySource source = DirectorySource.builder(dir).renderers(Renderers.of()).build();

        assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                .hasMessageContaining("is a Helm chart (Chart.yaml): add io.gitops4j:gitops-helm");
    }

    @Test
    void aFolderRendersWithTheRegisteredRendererAndTheStateSaysWhichRan() throws IOException {
        write(dir.resolve("kustomization.yaml"), "resources: [a.yaml]\n");
        write(dir.resolve("a.yaml"), configMap("a"));
        CountingRenderer kustomize = new CountingRenderer(RenderMode.KUSTOMIZE);

        DesiredState state = DirectorySource.builder(dir).renderers(Renderers.of(kustomize)).build().load();

        assertThat(state.renderedBy()).isEqualTo("counting kustomize");
        assertThat(state.keys()).extracting(key -> key.name()).containsExactly("a");
        assertThat(state.revision().digest()).isEqualTo(DesiredState.contentDigest(state.resources()));
    }

    @Test
    void anUnchangedRenderedFolderLoadsTheSameStateAndAChangeToWhatTheRendererReadANewOne() throws IOException {
        write(dir.resolve("kustomization.yaml"), "resources: [a.yaml]\n");
        write(dir.resolve("a.yaml"), configMap("a"));
        CountingRenderer kustomize = new CountingRenderer(RenderMode.KUSTOMIZE);
        DirectorySource source = DirectorySource.builder(dir).renderers(Renderers.of(kustomize)).build();
        DesiredState first = source.load();

        assertThat(source.load()).isSameAs(first);
        assertThat(kustomize.renders).hasValue(1);

        write(dir.resolve("a.yaml"), configMap("b"));
        DesiredState changed = source.load();
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.keys()).extracting(key -> key.name()).containsExactly("b");
        assertThat(changed.renderedBy()).isEqualTo("counting kustomize");
    }

    @Test
    void aChangeToNothingTheRendererReadCostsNoRenderAndAChangeToWhatItReadDoes() throws IOException {
        write(dir.resolve("app/kustomization.yaml"), "resources: [a.yaml]\n");
        write(dir.resolve("app/a.yaml"), configMap("a"));
        write(dir.resolve("other/b.yaml"), configMap("b"));
        CountingRenderer kustomize = new CountingRenderer(RenderMode.KUSTOMIZE);
        RenderPipeline pipeline = RenderPipeline.builder().renderers(Renderers.of(kustomize)).build();
        pipeline.render(FolderTree.of(dir), "app", LOADER);

        write(dir.resolve("other/b.yaml"), configMap("b2"));
        pipeline.render(FolderTree.of(dir), "app", LOADER);
        assertThat(kustomize.renders).hasValue(1);
        assertThat(pipeline.cache().hits()).isEqualTo(1);

        write(dir.resolve("app/a.yaml"), configMap("a2"));
        Rendered changed = pipeline.render(FolderTree.of(dir), "app", LOADER);
        assertThat(kustomize.renders).hasValue(2);
        assertThat(changed.resources()).extracting(r -> r.key().name()).containsExactly("a2");

        write(dir.resolve("app/c.yaml"), configMap("c"));
        pipeline.render(FolderTree.of(dir), "app", LOADER);
        assertThat(kustomize.renders).as("a new file in a listed folder").hasValue(3);
    }

    @Test
    void otherSettingsAreAnotherCacheEntry() throws IOException {
        write(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
        write(dir.resolve("a.yaml"), configMap("a"));
        CountingRenderer helm = new CountingRenderer(RenderMode.HELM);
        RenderCache cache = new RenderCache();
        RenderPipeline.builder().renderers(Renderers.of(helm)).cache(cache).build().render(FolderTree.of(dir), "",
                LOADER);
        RenderPipeline.builder().renderers(Renderers.of(helm)).cache(cache)
                .settings(RenderSettings.builder().releaseName("other").build()).build()
                .render(FolderTree.of(dir), "", LOADER);

        assertThat(helm.renders).hasValue(2);
    }

    @Test
    void plainModeStillRefusesAKustomizationBelowTheFolder() throws IOException {
        write(dir.resolve("apps/overlay/kustomization.yaml"), "resources: []\n");
        write(dir.resolve("apps/a.yaml"), configMap("a"));

        assertThatThrownBy(() -> DirectorySource.of(dir).load()).isInstanceOf(ManifestException.class)
                .hasMessageContaining("apps/overlay/kustomization.yaml")
                .hasMessageContaining("Kustomize input");
    }

    @Test
    void linesEndingInTabsAfterAValueLoadLikeKubectlReadsThem() throws IOException {
        write(dir.resolve("a.yaml"), "apiVersion: v1\t\nkind: ConfigMap\nmetadata:\n  name: \"tabbed\"\t\t\n"
                + "data: {k: v}\t\n");

        DesiredState state = DirectorySource.of(dir).load();

        assertThat(state.keys()).extracting(key -> key.name()).containsExactly("tabbed");
    }

    static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  k: v\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
