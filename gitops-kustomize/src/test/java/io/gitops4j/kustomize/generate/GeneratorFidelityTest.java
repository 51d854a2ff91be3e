package io.gitops4j.kustomize.generate;

import static io.gitops4j.kustomize.fidelity.KubectlKustomize.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kustomize.fidelity.KubectlKustomize;
import io.gitops4j.model.Provenance;
import io.gitops4j.render.FolderTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares generated ConfigMaps and Secrets, names with hash suffix included, with {@code kubectl kustomize} on a
 * table of kustomizations that only generate. Skips when kubectl is not installed.
 */
class GeneratorFidelityTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                generator("literals with quotes and blanks", """
                        configMapGenerator:
                        - name: lit
                          literals: [a=1, 'b="quoted value"', "c='single'", d=x=y, e=, " f = g "]
                        """),
                generator("files keyed by name and by key", """
                        configMapGenerator:
                        - name: files
                          files: [f.txt, other=f.txt, sub/g.json]
                        """, "f.txt", "hello <&> ü\n", "sub/g.json", "{\"a\": \"<b>\"}"),
                generator("binary file goes to binaryData", """
                        configMapGenerator:
                        - name: bin
                          files: [bin.dat, f.txt]
                        """, "bin.dat", "BIN:\u00ff\u00fe\u0000", "f.txt", "x"),
                generator("only binary data", """
                        configMapGenerator:
                        - name: onlybin
                          files: [bin.dat]
                        """, "bin.dat", "BIN:\u00ff"),
                generator("env files with comments, blanks, CRLF and bare keys", """
                        configMapGenerator:
                        - name: envs
                          envs: [app.env, more.env]
                        """, "app.env", "A=1\n# c\n\n  B = 2 \nC=\"q v\"\nD='s'\nE=a=b\r\nBARE\n",
                        "more.env", "\uFEFFZ=last"),
                generator("deprecated env field", """
                        configMapGenerator:
                        - name: old
                          env: app.env
                        """, "app.env", "K=V\n"),
                generator("empty generator", """
                        configMapGenerator:
                        - name: empty
                        """),
                generator("secrets: opaque, typed, from files", """
                        secretGenerator:
                        - name: sec
                          literals: [password=s3cr3t, "html=<a href='x'>&</a>"]
                        - name: tls
                          type: kubernetes.io/tls
                          files: [tls.crt=f.txt, tls.key=f.txt]
                        - name: bin
                          files: [bin.dat]
                        """, "f.txt", "-----BEGIN-----\n", "bin.dat", "BIN:\u00ff\u0001"),
                generator("unicode and control characters", """
                        configMapGenerator:
                        - name: uni
                          literals: ["emoji=😀 ünïcödé", "tab=a\\tb", "sep=\\u2028"]
                          files: [nl.txt]
                        """, "nl.txt", "line1\r\nline2\u00e9"),
                generator("options, generator options and namespace", """
                        generatorOptions:
                          labels: {l2: global, g: global}
                          annotations: {note: global}
                          immutable: true
                        configMapGenerator:
                        - name: opt
                          namespace: shop
                          literals: [a=1]
                          options:
                            labels: {l2: local, l3: local}
                        - name: nohash
                          literals: [a=1]
                          options: {disableNameSuffixHash: true}
                        secretGenerator:
                        - name: imm
                          literals: [a=1]
                          options: {immutable: true}
                        """),
                generator("long secret values and binary data wrap their base64 at 70 characters", """
                        secretGenerator:
                        - name: long
                          literals: [exact=%s, longer=%s, short=abc]
                          files: [cert.pem]
                        configMapGenerator:
                        - name: longbin
                          files: [big.dat]
                        """.formatted("a".repeat(51), "b".repeat(120)), "cert.pem", "-----BEGIN CERTIFICATE-----\n"
                        + "MIIB".repeat(60) + "\n-----END CERTIFICATE-----\n", "big.dat", "\u00ff\u00fe".repeat(45)),
                generator("global disableNameSuffixHash", """
                        generatorOptions: {disableNameSuffixHash: true}
                        configMapGenerator:
                        - name: plain
                          literals: [a=1]
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatesWhatKubectlKustomizeGenerates(String name, String kustomization, Map<String, String> files,
            @TempDir Path dir) {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed at /usr/bin/kubectl; fidelity skipped");
        Map<String, byte[]> written = new LinkedHashMap<>();
        written.put("kustomization.yaml", utf8(kustomization));
        files.forEach((file, content) -> written.put(file, bytes(content)));
        List<JsonNode> expected = KubectlKustomize.build(dir, written);

        List<GeneratedObject> generated = Generators.generate(KubectlKustomize.yaml(kustomization),
                FolderTree.of(dir), "", Provenance.of("kustomization.yaml", 0, 1));

        List<JsonNode> actual = new ArrayList<>();
        for (GeneratedObject object : generated) {
            ObjectNode named = object.object();
            if (object.appendHash()) {
                ObjectNode metadata = (ObjectNode) named.get("metadata");
                metadata.put("name", metadata.get("name").asText() + "-" + Generators.hashSuffix(named));
            }
            actual.add(named);
        }
        Comparator<JsonNode> byId = Comparator.comparing((JsonNode n) -> n.path("kind").asText())
                .thenComparing(n -> n.path("metadata").path("name").asText());
        assertThat(sorted(actual, byId)).isEqualTo(sorted(expected, byId));
    }

    @org.junit.jupiter.api.Test
    void mergesAndReplacesOverABaseAsKubectlKustomizeDoes(@TempDir Path dir) {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed at /usr/bin/kubectl; fidelity skipped");
        String base = """
                configMapGenerator:
                - name: cm
                  literals: [a=1, b=2]
                  options:
                    labels: {l1: base, l2: base}
                    annotations: {an: base}
                secretGenerator:
                - name: s
                  literals: [old=1]
                  options:
                    labels: {keep: base}
                """;
        String overlay = """
                resources: [../base]
                generatorOptions:
                  labels: {l2: global, g: global}
                configMapGenerator:
                - name: cm
                  behavior: merge
                  literals: [b=3, c=4]
                  options:
                    labels: {l2: local, l3: local}
                secretGenerator:
                - name: s
                  behavior: replace
                  literals: [new=2]
                """;
        List<JsonNode> expected = KubectlKustomize.build(dir, Map.of("base/kustomization.yaml", utf8(base),
                "overlay/kustomization.yaml", utf8(overlay)), "overlay");
        Provenance where = Provenance.of("overlay/kustomization.yaml", 0, 1);
        FolderTree tree = FolderTree.of(dir);
        List<GeneratedObject> bases = Generators.generate(KubectlKustomize.yaml(base), tree, "base", where);
        List<GeneratedObject> overlays = Generators.generate(KubectlKustomize.yaml(overlay), tree, "overlay", where);

        List<JsonNode> actual = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ObjectNode combined = Generators.combine(bases.get(i).object(), overlays.get(i), where);
            ObjectNode metadata = (ObjectNode) combined.get("metadata");
            metadata.put("name", metadata.get("name").asText() + "-" + Generators.hashSuffix(combined));
            actual.add(combined);
        }

        Comparator<JsonNode> byKind = Comparator.comparing((JsonNode n) -> n.path("kind").asText());
        assertThat(sorted(actual, byKind)).isEqualTo(sorted(expected, byKind));
    }

    private static List<JsonNode> sorted(List<JsonNode> nodes, Comparator<JsonNode> order) {
        List<JsonNode> copy = new ArrayList<>(nodes);
        copy.sort(order);
        return copy;
    }

    /** Content written as UTF-8, or, when it starts with {@code BIN:}, the rest as ISO-8859-1 bytes. */
    private static byte[] bytes(String content) {
        return content.startsWith("BIN:") ? content.substring(4).getBytes(StandardCharsets.ISO_8859_1)
                : content.getBytes(StandardCharsets.UTF_8);
    }

    private static Arguments generator(String name, String kustomization, String... files) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < files.length; i += 2) {
            map.put(files[i], files[i + 1]);
        }
        return Arguments.of(name, kustomization, map);
    }
}
