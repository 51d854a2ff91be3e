package io.gitops4j.kustomize;

import static io.gitops4j.kustomize.TestTrees.ids;
import static io.gitops4j.kustomize.TestTrees.render;
import static io.gitops4j.kustomize.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitops4j.ManifestException;
import io.gitops4j.SourceException;
import io.gitops4j.kustomize.fidelity.KubectlKustomize;
import io.gitops4j.render.RenderSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad kustomizations fail as a whole, with the kustomization file, the line and the field named. */
class KustomizeErrorsTest {
    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";

    @TempDir
    Path repo;

    @Test
    void missingResourceNamesTheFileTheFieldAndThePath() {
        write(repo, "app/kustomization.yaml", "resources:\n  - cm.yaml\n  - missing.yaml\n", "app/cm.yaml",
                CONFIG_MAP);

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("app/kustomization.yaml (line 1)").hasMessageContaining("field 'resources'")
                .hasMessageContaining("'missing.yaml' does not exist");
    }

    @Test
    void cycleBetweenKustomizationsNamesTheChain() {
        write(repo, "a/kustomization.yaml", "resources:\n  - ../b\n", "b/kustomization.yaml",
                "resources:\n  - ../a\n");

        assertThatThrownBy(() -> render(repo, "a")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("b/kustomization.yaml").hasMessageContaining("field 'resources'")
                .hasMessageContaining("a/kustomization.yaml -> b/kustomization.yaml -> a/kustomization.yaml");
    }

    @Test
    void pathLeavingTheRepositoryRootIsRefused() {
        write(repo.getParent(), "outside.yaml", CONFIG_MAP);
        write(repo, "app/kustomization.yaml", "resources:\n  - ../../outside.yaml\n");

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("app/kustomization.yaml").hasMessageContaining("field 'resources'")
                .hasMessageContaining("'../../outside.yaml' leaves the repository root");
    }

    @Test
    void generatorFilesAreReadInsideTheRootOnly() {
        write(repo, "app/kustomization.yaml", "patches:\n  - path: /etc/passwd\n");

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("field 'patches'").hasMessageContaining("leaves the repository root");
    }

    @Test
    void unsupportedFieldFailsWithoutABinary() {
        write(repo, "app/kustomization.yaml", "resources:\n  - cm.yaml\nvars:\n  - name: X\n    objref:\n"
                + "      kind: ConfigMap\n      name: settings\n      apiVersion: v1\n", "app/cm.yaml", CONFIG_MAP);

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("app/kustomization.yaml (line 3)").hasMessageContaining("field 'vars'")
                .hasMessageContaining("not supported by the native Kustomize renderer")
                .hasMessageContaining("RenderSettings.kustomizeBinary");
    }

    @Test
    void unsupportedFieldIsRenderedByTheConfiguredBinary() {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed; the external binary test is skipped");
        write(repo, "app/kustomization.yaml", "resources:\n  - cm.yaml\nreplacements:\n  - source:\n"
                + "      kind: ConfigMap\n      name: settings\n      fieldPath: data.mode\n    targets:\n"
                + "      - select:\n          kind: ConfigMap\n        fieldPaths: [data.copy]\n",
                "app/cm.yaml", CONFIG_MAP + "data:\n  mode: fast\n  copy: none\n");
        RenderSettings settings = RenderSettings.builder().kustomizeBinary(KubectlKustomize.KUBECTL).build();

        var bodies = render(repo, "app", settings);

        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0).path("data").path("copy").asText()).isEqualTo("fast");
    }

    @Test
    void aConfiguredBinaryThatIsMissingIsAClearError() {
        write(repo, "app/kustomization.yaml", "helmCharts:\n  - name: x\n");
        RenderSettings settings = RenderSettings.builder().kustomizeBinary(repo.resolve("no-such-kustomize")).build();

        assertThatThrownBy(() -> render(repo, "app", settings)).isInstanceOf(SourceException.class)
                .hasMessageContaining("field 'helmCharts'").hasMessageContaining("missing or not executable");
    }

    @Test
    void supportedKustomizationsNeverRunTheBinary() {
        write(repo, "app/kustomization.yaml", "resources:\n  - cm.yaml\nnamePrefix: x-\n", "app/cm.yaml",
                CONFIG_MAP);
        RenderSettings settings = RenderSettings.builder().kustomizeBinary(repo.resolve("no-such-kustomize")).build();

        assertThat(ids(render(repo, "app", settings))).containsExactly("ConfigMap/x-settings");
    }

    @Test
    void symbolicLinksAreRefused() throws IOException {
        write(repo, "shared/cm.yaml", CONFIG_MAP, "app/kustomization.yaml", "resources:\n  - link.yaml\n");
        Files.createSymbolicLink(repo.resolve("app/link.yaml"), repo.resolve("shared/cm.yaml"));

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("field 'resources'").hasMessageContaining("'link.yaml' is a symbolic link");
    }

    @Test
    void remoteBasesAreRefusedByDefault() {
        write(repo, "app/kustomization.yaml",
                "resources:\n  - https://github.com/example/repo//deploy?ref=v1.0.0\n");

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("field 'resources'").hasMessageContaining("is a remote base")
                .hasMessageContaining("remote bases are off");
    }

    @Test
    void remoteBasesWhenEnabledNeedTheExternalBinary() {
        write(repo, "app/kustomization.yaml", "resources:\n  - github.com/example/repo/deploy?ref=v1\n");
        RenderSettings settings = RenderSettings.builder().remoteBases(true).build();

        assertThatThrownBy(() -> render(repo, "app", settings)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("needs the external binary");
    }

    @Test
    void unknownFieldIsNamedWithItsLine() {
        write(repo, "app/kustomization.yaml", "resources: []\nnamePrefx: typo-\n");

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("app/kustomization.yaml (line 2)").hasMessageContaining("field 'namePrefx'")
                .hasMessageContaining("unknown field");
    }

    @Test
    void invalidYamlNamesTheLine() {
        write(repo, "app/kustomization.yaml", "resources:\n  - a.yaml\n namespace: [\n");

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("app/kustomization.yaml").hasMessageContaining("invalid YAML");
    }

    @Test
    void folderWithoutKustomizationIsAnError() {
        write(repo, "app/kustomization.yaml", "resources:\n  - ../plain\n", "plain/cm.yaml", CONFIG_MAP);

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("field 'resources'").hasMessageContaining("'plain' has no kustomization.yaml");
    }

    @Test
    void componentsAndKustomizationsAreNotInterchangeable() {
        write(repo, "app/kustomization.yaml", "resources:\n  - ../comp\n", "comp/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: []\n");
        write(repo, "other/kustomization.yaml", "components:\n  - ../base\n", "base/kustomization.yaml",
                "resources: []\n");

        assertThatThrownBy(() -> render(repo, "app")).hasMessageContaining("is a Component; list it under");
        assertThatThrownBy(() -> render(repo, "other")).hasMessageContaining("is a Kustomization, not a Component");
    }

    @Test
    void theSameObjectTwiceIsAnError() {
        write(repo, "app/kustomization.yaml", "resources:\n  - a.yaml\n  - b.yaml\n", "app/a.yaml", CONFIG_MAP,
                "app/b.yaml", CONFIG_MAP);

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("field 'resources'").hasMessageContaining("app/b.yaml")
                .hasMessageContaining("is already defined by app/a.yaml");
    }

    @Test
    void replicasNamingNoObjectIsAnError() {
        write(repo, "app/kustomization.yaml", "resources:\n  - a.yaml\nreplicas:\n  - name: web\n    count: 2\n",
                "app/a.yaml", CONFIG_MAP);

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("(line 3)").hasMessageContaining("field 'replicas'")
                .hasMessageContaining("named 'web'");
    }

    @Test
    void patchWithoutMatchingObjectIsAnError() {
        write(repo, "app/kustomization.yaml", "resources:\n  - a.yaml\npatches:\n  - patch: |-\n"
                + "      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: other\n",
                "app/a.yaml", CONFIG_MAP);

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("field 'patches'").hasMessageContaining("no object");
    }

    @Test
    void transformerPluginsAreUnsupported() {
        write(repo, "app/kustomization.yaml", "resources: []\ntransformers:\n  - plugin.yaml\n", "app/plugin.yaml",
                "apiVersion: someteam.example.com/v1\nkind: ChartInflator\nmetadata:\n  name: x\n");

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("field 'transformers'")
                .hasMessageContaining("transformer plugin 'someteam.example.com/v1/ChartInflator'");
    }

    @Test
    void numbersWhereKustomizeWantsStringsAreErrors() {
        write(repo, "app/kustomization.yaml", "resources: []\nimages:\n  - name: nginx\n    newTag: 1.10\n");

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("field 'images'").hasMessageContaining("quote it");
    }

    @Test
    void emptyKustomizationIsAnError() {
        write(repo, "app/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");

        assertThatThrownBy(() -> render(repo, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("app/kustomization.yaml").hasMessageContaining("the kustomization is empty");
    }
}
