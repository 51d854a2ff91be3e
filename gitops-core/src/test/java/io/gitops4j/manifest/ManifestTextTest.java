package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gitops4j.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of a YAML file: its encoding, its control characters and its white space, as kubectl reads them. */
class ManifestTextTest {
    private final ManifestLoader loader = ManifestLoader.defaults();

    private ManifestException parseFails(String path, byte[] content) {
        return catchThrowableOfType(ManifestException.class, () -> loader.parse(path, content));
    }

    @Test
    void aControlCharacterIsReportedOnItsOwnLine() {
        ManifestException error = parseFails("cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {v: a\u0000b}\n".getBytes(UTF_8));

        assertThat(error).isNotNull().hasMessageContaining("U+0000");
        assertThat(error.path()).isEqualTo("cm.yaml");
        assertThat(error.line()).isEqualTo(4);
    }

    @Test
    void aControlCharacterInALaterDocumentAfterWideCharactersIsReportedOnItsOwnLine() {
        String first = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {v: \"\uD83D\uDE00\u00e9\"}\n";
        String second = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n  v: bell\u0007\n";

        ManifestException error = parseFails("cm.yaml", (first + second).getBytes(UTF_8));

        assertThat(error).isNotNull().hasMessageContaining("U+0007");
        assertThat(error.line()).isEqualTo(10);
    }

    @Test
    void invalidUtf8IsRejectedNamingItsLine() {
        byte[] content = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  v: a?b\n".getBytes(UTF_8);
        content[content.length - 3] = (byte) 0xff;

        ManifestException error = parseFails("cm.yaml", content);

        assertThat(error).isNotNull().hasMessageContaining("UTF-8");
        assertThat(error.path()).isEqualTo("cm.yaml");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void invalidUtf8InJsonIsRejectedNamingItsLine() {
        byte[] content = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n\"metadata\": {\"name\": \"x\"},\n\"data\": {\"v\": \"a?\"}}\n"
                .getBytes(UTF_8);
        content[content.length - 5] = (byte) 0xc3;

        ManifestException error = parseFails("cm.json", content);

        assertThat(error).isNotNull();
        assertThat(error.line()).isEqualTo(3);
    }

    @Test
    void trailingTabsAtLineEndsAreAcceptedAsKubectlAccepts() {
        String yaml = String.join("\n",
                "---\t",
                "apiVersion: v1\t",
                "kind: ConfigMap \t",
                "metadata:",
                "  name: x\t",
                "  labels: {a: b}\t",
                "  annotations: &notes\t",
                "    quoted: 'q'\t \t",
                "    doubled: \"d\"\t",
                "data:",
                "  list: [1,\t",
                "    2]\t",
                "  folded: \"a",
                "    b\"\t",
                "  literal: |\t",
                "    keep\t",
                "    this",
                "  last: z\t") + "\n";

        List<Resource> resources = loader.parse("cm.yaml", yaml.getBytes(UTF_8));

        Resource resource = resources.get(0);
        assertThat(resource.key().name()).isEqualTo("x");
        assertThat(resource.labels()).containsEntry("a", "b");
        assertThat(resource.annotations()).containsEntry("quoted", "q").containsEntry("doubled", "d");
        assertThat(resource.tree().at("/data/list").toString()).isEqualTo("[1,2]");
        assertThat(resource.tree().at("/data/folded").asText()).isEqualTo("a b");
        assertThat(resource.tree().at("/data/literal").asText()).isEqualTo("keep\t\nthis\n");
        assertThat(resource.tree().at("/data/last").asText()).isEqualTo("z");
    }

    @Test
    void aTabAfterAKeyOrADashStaysAnErrorAsInKubectl() {
        for (String yaml : new String[] {"apiVersion: v1\nkind: ConfigMap\nmetadata:\t\n  name: x\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  v: a\n\t\n"}) {
            ManifestException error = parseFails("cm.yaml", yaml.getBytes(UTF_8));

            assertThat(error).as(yaml).isNotNull().hasMessageContaining("TAB");
        }
    }
}
