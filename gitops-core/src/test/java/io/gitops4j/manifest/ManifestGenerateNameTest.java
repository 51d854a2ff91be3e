package io.gitops4j.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.ManifestException;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestGenerateNameTest {
    private final ManifestLoader loader = ManifestLoader.defaults();

    private List<Resource> parse(String content) {
        return loader.parse("hooks/jobs.yaml", content.getBytes(UTF_8));
    }

    @Test
    void aHookMayHaveOnlyAGenerateNameAndGetsAStableKey() {
        List<Resource> resources = parse("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  generateName: upgrade-sql-schema-
                  namespace: shop
                  annotations:
                    argocd.argoproj.io/hook: PreSync
                spec: {}
                """);

        Resource hook = resources.get(0);
        assertThat(hook.key()).isEqualTo(ResourceKey.of("batch", "Job", "shop", "upgrade-sql-schema-<generated>"));
        assertThat(hook.hasGeneratedName()).isTrue();
        assertThat(hook.body().path("metadata").has("name")).isFalse();
    }

    @Test
    void aHelmHookMayHaveOnlyAGenerateName() {
        assertThat(parse("""
                apiVersion: v1
                kind: Pod
                metadata:
                  generateName: migrate-
                  annotations:
                    helm.sh/hook: pre-install
                """)).singleElement().satisfies(hook -> assertThat(hook.hasGeneratedName()).isTrue());
    }

    @Test
    void anObjectThatIsNoHookNeedsAName() {
        assertThatThrownBy(() -> parse("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  generateName: nightly-
                """)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("hooks/jobs.yaml")
                .hasMessageContaining("metadata.generateName is only supported for hooks")
                .hasMessageContaining("argocd.argoproj.io/hook");
    }

    @Test
    void anObjectWithNeitherNameNorGenerateNameSaysWhatItNeeds() {
        assertThatThrownBy(() -> parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  namespace: shop
                """)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("missing required field 'metadata.name'")
                .hasMessageContaining("a hook may have metadata.generateName instead");
    }

    @Test
    void aNamedObjectIsNeverTakenForAGeneratedOne() {
        Resource named = parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  generateName: ignored-
                """).get(0);

        assertThat(named.key().name()).isEqualTo("settings");
        assertThat(named.hasGeneratedName()).isFalse();
    }
}
