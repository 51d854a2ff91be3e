package io.gitops4j.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.SourceException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.render.FolderTree;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.RenderSettings;
import io.gitops4j.render.Rendered;
import io.gitops4j.source.DirectorySource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmRendererTest {
    private final HelmRenderer helm = new HelmRenderer();

    @TempDir
    Path dir;

    @Test
    void rendersAChartWithItsValuesItsVendoredDependencyAndItsCrdsFirst() throws IOException {
        Rendered out = render(RenderSettings.builder().releaseName("web").namespace("shop").build());

        assertThat(out.renderer()).isEqualTo("helm");
        assertThat(out.resources()).extracting(r -> r.key().kind() + "/" + r.key().name()).containsExactlyInAnyOrder(
                "CustomResourceDefinition/widgets.shop.example.org", "Deployment/web-web", "Service/web-web",
                "ConfigMap/web-settings", "ConfigMap/web-cache");
        assertThat(out.resources().get(0).key().kind()).isEqualTo("CustomResourceDefinition");
        Resource deployment = find(out, "Deployment");
        assertThat(deployment.tree().at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(deployment.tree().at("/metadata/labels/release-namespace").asText()).isEqualTo("shop");
        assertThat(deployment.provenance().path()).isEqualTo("helm:shop/templates/deployment.yaml");
        assertThat(find(out, "ConfigMap", "web-cache").tree().at("/data/size").asText())
                .as("the parent chart's values override the sub-chart's").isEqualTo("small");
    }

    @Test
    void valuesFilesThenInlineValuesThenSetApplyInThatOrder() throws IOException {
        Rendered out = render(RenderSettings.builder().valuesFile("values-prod.yaml")
                .values("greeting: inline\nimage: busybox\n").set("image=nginx:1.28").build());

        assertThat(find(out, "Deployment").tree().at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(find(out, "Deployment").tree().at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("nginx:1.28");
        assertThat(find(out, "ConfigMap", "shop-settings").tree().at("/data/greeting").asText()).isEqualTo("inline");
    }

    @Test
    void crdsAreLeftOutWhenNotIncludedAndTheReleaseNameDefaultsToTheFolder() throws IOException {
        Rendered out = render(RenderSettings.builder().includeCrds(false).build());

        assertThat(out.resources()).extracting(r -> r.key().kind()).doesNotContain("CustomResourceDefinition");
        assertThat(out.resources()).extracting(r -> r.key().name()).contains("shop-web");
    }

    @Test
    void aBrokenTemplateIsAnErrorNamingTheTemplateFile() throws IOException {
        Path chart = copyChart();
        Files.writeString(chart.resolve("templates/broken.yaml"), "kind: {{ .Values.missing.deeper }}\n");

        assertThatThrownBy(() -> helm.render(new RenderRequest(FolderTree.of(dir), "shop",
                RenderSettings.defaults(), ManifestLoader.defaults())))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("helm template of chart folder 'shop'")
                .hasMessageContaining("templates/broken.yaml");
    }

    @Test
    void aDirectorySourceOnAChartFolderRendersItWithHelmFoundOnTheClassPath() throws IOException {
        Path chart = copyChart();

        DesiredState state = DirectorySource.of(chart).load();

        assertThat(state.renderedBy()).isEqualTo("helm");
        assertThat(state.keys()).extracting(key -> key.name()).contains("shop-web");
    }

    private Rendered render(RenderSettings settings) throws IOException {
        copyChart();
        return helm.render(new RenderRequest(FolderTree.of(dir), "shop", settings, ManifestLoader.defaults()));
    }

    private Path copyChart() throws IOException {
        Path source;
        try {
            source = Path.of(HelmRendererTest.class.getResource("/charts/shop").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = dir.resolve("shop");
        if (Files.exists(target)) {
            return target;
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return target;
    }

    private static Resource find(Rendered out, String kind) {
        return out.resources().stream().filter(r -> r.key().kind().equals(kind)).findFirst().orElseThrow();
    }

    private static Resource find(Rendered out, String kind, String name) {
        return out.resources().stream().filter(r -> r.key().kind().equals(kind) && r.key().name().equals(name))
                .findFirst().orElseThrow();
    }
}
