package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {
    private final ManifestLoader loader = ManifestLoader.defaults();

    private List<Resource> parse(String path, String content) {
        return loader.parse(path, content.getBytes(UTF_8));
    }

    @Test
    void readsEveryDocumentOfAMultiDocumentFileWithItsLine() {
        List<Resource> resources = parse("apps/web.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  replicas: 2
                """);

        assertThat(resources).extracting(Resource::key).containsExactly(
                ResourceKey.clusterScoped("", "Namespace", "shop"),
                ResourceKey.of("apps", "Deployment", "shop", "web"));
        assertThat(resources.get(1).provenance().documentIndex()).isEqualTo(1);
        assertThat(resources.get(1).provenance().line()).isEqualTo(6);
        assertThat(resources.get(1).tree().at("/spec/replicas").intValue()).isEqualTo(2);
    }

    @Test
    void skipsEmptyDocuments() {
        List<Resource> resources = parse("a.yaml", """
                ---
                # only a comment
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                ---
                """);

        assertThat(resources).extracting(r -> r.key().name()).containsExactly("settings");
    }

    @Test
    void expandsListKinds() {
        List<Resource> resources = parse("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: one}
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: two}
                """);

        assertThat(resources).extracting(r -> r.key().name()).containsExactly("one", "two");
    }

    @Test
    void expandsTypedListKindsLikeConfigMapList() {
        List<Resource> resources = parse("list.json", """
                {"apiVersion": "v1", "kind": "ConfigMapList", "metadata": {},
                 "items": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "one"}}]}
                """);

        assertThat(resources).extracting(r -> r.key().name()).containsExactly("one");
    }

    @Test
    void readsJsonFiles() {
        List<Resource> resources = parse("cm.json", """
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "shop"},
                 "data": {"mode": "fast"}}
                """);

        assertThat(resources).singleElement().extracting(Resource::key)
                .isEqualTo(ResourceKey.of("", "ConfigMap", "shop", "settings"));
    }

    @Test
    void missingNameNamesFileDocumentAndLine() {
        assertThatThrownBy(() -> parse("apps/web.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ok
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  labels: {a: b}
                """))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("apps/web.yaml (document 2, line 6)")
                .hasMessageContaining("metadata.name");
    }

    @Test
    void missingApiVersionAndKindAreNamed() {
        assertThatThrownBy(() -> parse("x.yaml", "kind: ConfigMap\nmetadata: {name: a}\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("apiVersion");
        assertThatThrownBy(() -> parse("x.yaml", "apiVersion: v1\nmetadata: {name: a}\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("'kind'");
    }

    @Test
    void invalidYamlNamesTheLineOfTheError() {
        ManifestException error = org.junit.jupiter.api.Assertions.assertThrows(ManifestException.class,
                () -> parse("broken.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: a
                        data:
                          key: [unclosed
                        """));

        assertThat(error.path()).isEqualTo("broken.yaml");
        assertThat(error.line()).isGreaterThanOrEqualTo(6);
        assertThat(error).hasMessageContaining("invalid YAML");
    }

    @Test
    void aScalarDocumentIsRejectedClearly() {
        assertThatThrownBy(() -> parse("notes.yaml", "just some text\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("must be a mapping");
    }

    @Test
    void clusterScopedKindWithANamespaceIsRejected() {
        assertThatThrownBy(() -> parse("ns.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: reader
                  namespace: shop
                """))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("cluster-scoped")
                .hasMessageContaining("ns.yaml");
    }

    @Test
    void kustomizationFilesAreRejectedWithWhatToDo() {
        assertThatThrownBy(() -> parse("overlays/dev/kustomization.yaml", "resources: [../../base]\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("Kustomize")
                .hasMessageContaining("kubectl kustomize");
        assertThatThrownBy(() -> parse("k.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                metadata: {name: x}
                """))
                .isInstanceOf(ManifestException.class).hasMessageContaining("Kustomize");
    }

    @Test
    void aliasBombIsRejectedWithoutExhaustingMemory() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(p);
            }
            bomb.append("]\n");
        }

        assertThatThrownBy(() -> parse("bomb.yaml", bomb.toString()))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("bomb.yaml")
                .hasMessageContaining("aliases");
    }

    @Test
    void anchorsAliasesAndMergeKeysResolveLikeKubernetes() {
        List<Resource> resources = parse("anchors.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  labels: &common {team: shop, tier: web}
                  annotations:
                    <<: *common
                    tier: override
                data:
                  copy: &text hello
                  again: *text
                """);

        Resource resource = resources.get(0);
        assertThat(resource.labels()).containsEntry("team", "shop").containsEntry("tier", "web");
        assertThat(resource.annotations()).containsEntry("team", "shop").containsEntry("tier", "override");
        assertThat(resource.tree().at("/data/again").asText()).isEqualTo("hello");
    }

    @Test
    void duplicateKeysInAMappingAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> parse("dup.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  name: b
                """))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("dup.yaml")
                .hasMessageContaining("key 'name' appears twice");
    }

    @Test
    void fileOverTheSizeLimitIsRejected() {
        ManifestLoader small = ManifestLoader.builder().maxFileBytes(64).build();

        assertThatThrownBy(() -> small.parse("big.yaml", "x".repeat(65).getBytes(UTF_8)))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("big.yaml")
                .hasMessageContaining("over the limit of 64 bytes");
    }

    @Test
    void duplicateResourcesAcrossFilesNameBothFiles() {
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: shop}\n".getBytes(UTF_8));
        files.put("b/c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: shop}\n".getBytes(UTF_8));

        assertThatThrownBy(() -> loader.load("rev1", files))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("a.yaml")
                .hasMessageContaining("b/c.yaml")
                .hasMessageContaining("ConfigMap/shop/x");
    }

    @Test
    void theFirstInvalidFileInPathOrderIsTheOneReportedAmongManyFiles() {
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            String name = String.format("f-%03d.yaml", i);
            String body = i == 120 || i == 150 || i == 199 ? "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n"
                    : "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-" + i + ", namespace: shop}\n";
            files.put(name, body.getBytes(UTF_8));
        }

        for (int run = 0; run < 20; run++) {
            assertThatThrownBy(() -> loader.load("rev1", files))
                    .isInstanceOf(ManifestException.class)
                    .hasMessageContaining("f-120.yaml")
                    .hasMessageContaining("metadata.name");
        }
    }

    @Test
    void manyFilesLoadAsTheyAssembleWhenParsedOneByOne() {
        TreeMap<String, byte[]> files = new TreeMap<>();
        java.util.SortedMap<String, List<Resource>> parsed = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            String name = String.format("f-%03d.yaml", i);
            files.put(name, ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-" + i
                    + ", namespace: shop}\n").getBytes(UTF_8));
            parsed.put(name, loader.parse(name, files.get(name)));
        }

        DesiredState state = loader.load("rev1", files);

        assertThat(state.revision()).isEqualTo(loader.assemble("rev1", parsed).revision());
        assertThat(state.resources().get(new ResourceKey("", "ConfigMap", "shop", "cm-7")).provenance().path())
                .isEqualTo("f-007.yaml");
    }

    @Test
    void loadIgnoresNonManifestFilesAndDigestsContent() {
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put("README.md", "# not a manifest".getBytes(UTF_8));
        files.put("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {n: '1'}\n".getBytes(UTF_8));

        DesiredState state = loader.load("rev1", files);

        assertThat(state.size()).isEqualTo(1);
        assertThat(state.revision().id()).isEqualTo("rev1");
        assertThat(state.revision().digest()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void digestIgnoresFieldOrderAndNumberFormatting() {
        TreeMap<String, byte[]> one = new TreeMap<>();
        one.put("a.yaml", "apiVersion: v1\nkind: X\nmetadata: {name: x}\nspec: {a: 1, b: 2.0}\n".getBytes(UTF_8));
        TreeMap<String, byte[]> two = new TreeMap<>();
        two.put("b.json", "{\"spec\": {\"b\": 2, \"a\": 1.0}, \"metadata\": {\"name\": \"x\"}, \"kind\": \"X\", \"apiVersion\": \"v1\"}"
                .getBytes(UTF_8));

        assertThat(loader.load("r", one).revision().digest()).isEqualTo(loader.load("r", two).revision().digest());
    }

    @Test
    void digestChangesWhenAValueChanges() {
        TreeMap<String, byte[]> one = new TreeMap<>();
        one.put("a.yaml", "apiVersion: v1\nkind: X\nmetadata: {name: x}\nspec: {a: 1}\n".getBytes(UTF_8));
        TreeMap<String, byte[]> two = new TreeMap<>();
        two.put("a.yaml", "apiVersion: v1\nkind: X\nmetadata: {name: x}\nspec: {a: '1'}\n".getBytes(UTF_8));

        assertThat(loader.load("r", one).revision().digest()).isNotEqualTo(loader.load("r", two).revision().digest());
    }

    @Test
    void assembleOfParsedFilesEqualsLoadOfTheSameFilesAndKeepsTheResourceObjects() {
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: shop}\n".getBytes(UTF_8));
        files.put("b/c.json", "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"c\"}}"
                .getBytes(UTF_8));
        files.put("empty.yaml", "---\n# nothing\n".getBytes(UTF_8));
        TreeMap<String, List<Resource>> parsed = new TreeMap<>();
        files.forEach((path, content) -> parsed.put(path, loader.parse(path, content)));

        DesiredState assembled = loader.assemble("rev1", parsed);
        DesiredState loaded = loader.load("rev1", files);

        assertThat(assembled.revision()).isEqualTo(loaded.revision());
        assertThat(assembled).isEqualTo(loaded);
        assertThat(assembled.resources().values()).extracting(r -> r.provenance().path())
                .containsExactly("a.yaml", "b/c.json");
        Resource a = parsed.get("a.yaml").get(0);
        assertThat(assembled.get(a.key())).get().isSameAs(a);
    }

    @Test
    void assembleRejectsADuplicateAcrossFilesNamingBothFiles() {
        TreeMap<String, List<Resource>> parsed = new TreeMap<>();
        parsed.put("a.yaml", parse("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: shop}\n"));
        parsed.put("z/d.yaml", parse("z/d.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y, namespace: shop}\n"
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: shop}\n"));

        assertThatThrownBy(() -> loader.assemble("rev1", parsed))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("a.yaml")
                .hasMessageContaining("z/d.yaml")
                .hasMessageContaining("ConfigMap/shop/x");
    }

    @Test
    void assembleOfNoFilesIsAnEmptyStateWithTheDigestOfNothing() {
        DesiredState state = loader.assemble("rev1", new TreeMap<>());

        assertThat(state.isEmpty()).isTrue();
        assertThat(state.revision()).isEqualTo(loader.load("rev1", new TreeMap<>()).revision());
    }
}
