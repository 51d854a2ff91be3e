package io.gitops4j.kustomize.generate;

import static io.gitops4j.kustomize.fidelity.KubectlKustomize.object;
import static io.gitops4j.kustomize.fidelity.KubectlKustomize.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import io.gitops4j.render.FolderTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorsTest {
    private static final Provenance WHERE = Provenance.of("apps/web/kustomization.yaml", 0, 1);

    @TempDir
    Path root;

    private List<GeneratedObject> generate(String kustomization) {
        return Generators.generate(yaml(kustomization), FolderTree.of(root), "apps/web", WHERE);
    }

    private void write(String path, byte[] content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    @Test
    void hashesExactlyAsKubectlKustomizeDid() {
        // expected suffixes recorded from kubectl kustomize (Kustomize v5.5.0) on the same inputs
        assertThat(Generators.hashSuffix(object("{kind: ConfigMap, metadata: {name: lit}, data: {' f ': ' g ', a: '1',"
                + " b: quoted value, c: single, d: x=y, e: ''}}"))).isEqualTo("4cgt2f5mk9");
        assertThat(Generators.hashSuffix(object("{kind: ConfigMap, metadata: {name: empty}}")))
                .isEqualTo("6ct58987ht");
        assertThat(Generators.hashSuffix(object("{kind: ConfigMap, metadata: {name: onlybin},"
                + " binaryData: {bin.dat: /w==}}"))).isEqualTo("cd54fk759m");
        assertThat(Generators.hashSuffix(object("{kind: ConfigMap, metadata: {name: files},"
                + " data: {f.txt: \"hello <&> \\u00fc\\n\", other: \"hello <&> \\u00fc\\n\"},"
                + " binaryData: {bin.dat: //4A}}")))
                .isEqualTo("ghkchth7gd");
        assertThat(Generators.hashSuffix(object("{kind: Secret, type: Opaque, metadata: {name: sec},"
                + " data: {p: dw==}}"))).isEqualTo("m7cg948gg9");
        assertThat(Generators.hashSuffix(object("{kind: Secret, type: kubernetes.io/tls, metadata: {name: tls},"
                + " data: {tls.crt: YQ==, tls.key: Yg==}}"))).isEqualTo("m6h7bkm2dg");
    }

    @Test
    void hashIgnoresNameLabelsAndImmutable() {
        String suffix = Generators.hashSuffix(object("{kind: ConfigMap, metadata: {name: a}, data: {k: v}}"));

        assertThat(Generators.hashSuffix(object("{kind: ConfigMap, metadata: {name: b, labels: {x: y}},"
                + " immutable: true, data: {k: v}}"))).isEqualTo(suffix);
        assertThat(Generators.hashSuffix(object("{kind: ConfigMap, metadata: {name: a}, data: {k: w}}")))
                .isNotEqualTo(suffix);
    }

    @Test
    void encodesTheHashedDocumentAsGoDoes() {
        ObjectNode hashed = ContentHash.hashed(object("{kind: ConfigMap, metadata: {name: n}, data: {b: '<&>',"
                + " a: \"\\u2028\\u00e9\\t\"}}"));

        assertThat(ContentHash.GoJson.encode(hashed)).isEqualTo(
                "{\"data\":{\"a\":\"\\u2028\u00e9\\t\",\"b\":\"\\u003c\\u0026\\u003e\"},\"kind\":\"ConfigMap\","
                        + "\"name\":\"\"}");
    }

    @Test
    void generatesConfigMapsThenSecretsWithOptions() throws IOException {
        write("apps/web/app.env", "A=1\n# comment\n\nB\n".getBytes(StandardCharsets.UTF_8));
        write("apps/shared/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        List<GeneratedObject> generated = generate("""
                generatorOptions:
                  labels: {team: web, tier: global}
                  annotations: {note: global}
                secretGenerator:
                - name: creds
                  type: kubernetes.io/basic-auth
                  literals: [username=admin]
                configMapGenerator:
                - name: settings
                  namespace: shop
                  behavior: merge
                  envs: [app.env]
                  files: [logo=../shared/logo.png]
                  options:
                    labels: {tier: local}
                    immutable: true
                    disableNameSuffixHash: true
                """);

        assertThat(generated).extracting(GeneratedObject::behavior).containsExactly("merge", "create");
        assertThat(generated).extracting(GeneratedObject::appendHash).containsExactly(false, true);
        assertThat(generated.get(0).object().toString()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"settings\",\"namespace\":\"shop\",\"labels\":{\"team\":\"web\","
                + "\"tier\":\"local\"},\"annotations\":{\"note\":\"global\"}},\"data\":{\"A\":\"1\",\"B\":\"\"},"
                + "\"binaryData\":{\"logo\":\"iVBORw==\"},\"immutable\":true}");
        assertThat(generated.get(1).object().toString()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                + "\"metadata\":{\"name\":\"creds\",\"labels\":{\"team\":\"web\",\"tier\":\"global\"},"
                + "\"annotations\":{\"note\":\"global\"}},\"type\":\"kubernetes.io/basic-auth\","
                + "\"data\":{\"username\":\"YWRtaW4=\"}}");
    }

    @Test
    void mergeAddsAndOverridesDataAndMetadataKeepingTheExistingIdentity() {
        ObjectNode existing = object("{apiVersion: v1, kind: ConfigMap, metadata: {name: cm-abc, namespace: shop,"
                + " labels: {l1: base, l2: base}}, data: {a: '1', b: '2'}}");
        GeneratedObject generated = new GeneratedObject(object("{apiVersion: v1, kind: ConfigMap,"
                + " metadata: {name: cm, labels: {l2: new}}, data: {b: '3', c: '4'}}"), "merge", true);

        ObjectNode merged = Generators.combine(existing, generated, WHERE);

        assertThat(merged.toString()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":"
                + "{\"name\":\"cm-abc\",\"labels\":{\"l1\":\"base\",\"l2\":\"new\"},\"namespace\":\"shop\"},"
                + "\"data\":{\"a\":\"1\",\"b\":\"3\",\"c\":\"4\"}}");
    }

    @Test
    void replaceTakesTheGeneratedDataButMergesMetadata() {
        ObjectNode existing = object("{apiVersion: v1, kind: Secret, metadata: {name: s, annotations: {a: '1'}},"
                + " type: Opaque, data: {old: eA==}}");
        GeneratedObject generated = new GeneratedObject(object("{apiVersion: v1, kind: Secret,"
                + " metadata: {name: s}, type: Opaque, data: {new: eQ==}}"), "replace", false);

        ObjectNode replaced = Generators.combine(existing, generated, WHERE);

        assertThat(replaced.get("data").toString()).isEqualTo("{\"new\":\"eQ==\"}");
        assertThat(replaced.at("/metadata/annotations/a").asText()).isEqualTo("1");
    }

    @Test
    void createOverAnExistingObjectIsRefused() {
        GeneratedObject generated = new GeneratedObject(object("{kind: ConfigMap, metadata: {name: cm}}"), "create",
                true);

        assertThatThrownBy(() -> Generators.combine(object("{kind: ConfigMap, metadata: {name: cm}}"), generated,
                WHERE))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("apps/web/kustomization.yaml")
                .hasMessageContaining("ConfigMap 'cm' already exists; a generator that changes it needs behavior"
                        + " merge or replace");
    }

    @Test
    void refusesRepeatedKeysAndBadLiterals() {
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, literals: [k=1, k=2]}]"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("configmap a illegally repeats the key `k`");
        assertThatThrownBy(() -> generate("secretGenerator: [{name: s, literals: [k=1, k=2]}]"))
                .hasMessageContaining("secret s illegally repeats the key `k`");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, literals: [novalue]}]"))
                .hasMessageContaining("configMapGenerator[0].literals[0]: invalid literal source 'novalue', "
                        + "expected key=value");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, literals: ['=v']}]"))
                .hasMessageContaining("invalid literal source '=v'");
    }

    @Test
    void refusesUnsafeOrMissingFilesNamingTheField() throws IOException {
        write("apps/web/real.txt", "x".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(root.resolve("apps/web/link.txt"), root.resolve("apps/web/real.txt"));
        Files.createSymbolicLink(root.resolve("apps/linked"), root.resolve("apps/web"));

        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, files: [../../../etc/passwd]}]"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("apps/web/kustomization.yaml")
                .hasMessageContaining("configMapGenerator[0].files[0]: '../../../etc/passwd' leaves the repository"
                        + " root");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, files: [/etc/passwd]}]"))
                .hasMessageContaining("is absolute");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, files: [link.txt]}]"))
                .hasMessageContaining("'apps/web/link.txt' is a symbolic link");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, files: [../linked/real.txt]}]"))
                .hasMessageContaining("'apps/linked' is a symbolic link");
        assertThatThrownBy(() -> generate("secretGenerator: [{name: a, envs: [missing.env]}]"))
                .hasMessageContaining("secretGenerator[0].envs[0]: file 'missing.env' (apps/web/missing.env) does "
                        + "not exist");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, files: [..]}]"))
                .hasMessageContaining("is a folder, not a file");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, files: ['=real.txt']}]"))
                .hasMessageContaining("key names or file paths cannot be empty");
    }

    @Test
    void refusesUnknownFieldsBehavioursAndMissingNames() {
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, literal: [a=b]}]"))
                .hasMessageContaining("unknown field 'configMapGenerator[0].literal'");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, type: Opaque}]"))
                .hasMessageContaining("unknown field 'configMapGenerator[0].type'");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, behavior: upsert}]"))
                .hasMessageContaining("configMapGenerator[0].behavior 'upsert' is unknown");
        assertThatThrownBy(() -> generate("configMapGenerator: [{literals: [a=b]}]"))
                .hasMessageContaining("configMapGenerator[0].name is missing");
        assertThatThrownBy(() -> generate("generatorOptions: {labels: {a: b}, hash: false}\n"
                + "configMapGenerator: [{name: a}]"))
                .hasMessageContaining("unknown field 'generatorOptions.hash'");
        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, options: {immutable: yes-please}}]"))
                .hasMessageContaining("configMapGenerator[0].options.immutable must be true or false");
    }

    @Test
    void refusesEnvFilesThatAreNotUtf8NamingTheLine() throws IOException {
        write("apps/web/bad.env", new byte[] {'A', '=', '1', '\n', 'B', '=', (byte) 0xff});

        assertThatThrownBy(() -> generate("configMapGenerator: [{name: a, envs: [bad.env]}]"))
                .hasMessageContaining("configMapGenerator[0].envs[0]: line 2 of env file 'bad.env' is not valid UTF-8");
    }
}
