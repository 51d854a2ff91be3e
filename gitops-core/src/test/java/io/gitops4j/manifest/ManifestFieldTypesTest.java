package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gitops4j.model.ResourceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fields that identify a resource must be strings, as kubectl requires; a wrong type names its line. */
class ManifestFieldTypesTest {
    private final ManifestLoader loader = ManifestLoader.defaults();

    private ManifestException parseFails(String path, String content) {
        return catchThrowableOfType(ManifestException.class, () -> loader.parse(path, content.getBytes(UTF_8)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "metadata.namespace   | [kube-system]",
        "metadata.namespace   | 5",
        "metadata.namespace   | {a: b}",
        "metadata.namespace   | true",
        "metadata.generateName | 5",
        "metadata.generateName | [x-]",
        "metadata.name        | [x]",
        "metadata.name        | 12",
        "metadata.name        | false",
        "kind                 | 5",
        "kind                 | [ConfigMap]",
        "apiVersion           | {v: 1}",
        "apiVersion           | 1.5",
        "metadata             | [name]",
        "metadata             | x",
    })
    void aFieldOfTheWrongTypeIsRejectedNamingFileLineAndField(String field, String value) {
        String template = switch (field) {
            case "apiVersion" -> "apiVersion: %s\nkind: ConfigMap\nmetadata:\n  name: x\n";
            case "kind" -> "apiVersion: v1\nkind: %s\nmetadata:\n  name: x\n";
            case "metadata" -> "apiVersion: v1\nkind: ConfigMap\nmetadata: %s\n";
            case "metadata.name" -> "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n  name: %s\n";
            default -> "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  "
                    + field.substring("metadata.".length()) + ": %s\n";
        };
        String yaml = template.formatted(value);
        int line = (int) template.substring(0, template.indexOf("%s")).chars().filter(c -> c == '\n').count() + 1;

        ManifestException error = parseFails("apps/cm.yaml", yaml);

        assertThat(error).as(yaml).isNotNull().hasMessageContaining("'" + field + "'")
                .hasMessageContaining("must be");
        assertThat(error.path()).isEqualTo("apps/cm.yaml");
        assertThat(error.line()).as(yaml).isEqualTo(line);
    }

    @Test
    void aWrongTypeInJsonNamesItsLine() {
        ManifestException error = parseFails("cm.json", """
                {"apiVersion": "v1",
                 "kind": "ConfigMap",
                 "metadata": {
                   "name": "x",
                   "namespace": ["kube-system"]}}
                """);

        assertThat(error).isNotNull().hasMessageContaining("'metadata.namespace'").hasMessageContaining("must be");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void aWrongTypeInAListItemNamesTheItemAndItsLine() {
        ManifestException error = parseFails("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: x
                    namespace: [kube-system]
                """);

        assertThat(error).isNotNull().hasMessageContaining("items[0]").hasMessageContaining("'metadata.namespace'");
        assertThat(error.line()).isEqualTo(8);
    }

    @Test
    void aNullNamespaceIsTheDefaultNamespaceAsInKubernetes() {
        assertThat(loader.parse("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: null}\n"
                .getBytes(UTF_8))).extracting(r -> r.key()).containsExactly(ResourceKey.of("", "ConfigMap", "", "x"));
    }
}
