package io.gitops4j.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import io.gitops4j.model.Resource;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The loader composes YAML with a shared, remembering tag resolution instead of a {@code Yaml} per file; these
 * properties pin that it reads every document exactly as composing with {@code new Yaml(options)} does.
 */
class YamlCompositionEquivalenceTest {
    /** Scalars whose YAML 1.1 reading differs from their text: booleans, nulls, bases, sexagesimals, merges. */
    private static final List<String> SCALARS = List.of("yes", "No", "on", "OFF", "y", "n", "Y", "true", "False",
            "TRUE", "~", "null", "Null", "''", "\"\"", "'quoted'", "\"7\"", "0x1F", "0o17", "017", "0b101", "1_000",
            "-12", "+3", "0", "1.5", "1e3", "6.8523015e+5", "3.14_15", ".5", "1.", "190:20:30", "-1:30",
            "12345678901234567890", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "!!str 12", "!!int \"7\"",
            "!!float 1", "!!bool yes", "!!null ''", "app-1", "nginx:1.25", "=", "x y z", "0.0.0.0", "1_2:3",
            "yes please", "Yes", "oN", "NO", "-", "'<<'", "!!binary aGVsbG8=", "|\n      block\n      text",
            ">-\n      folded\n      text");

    @Test
    void sharedTagResolutionAnswersAsSnakeYamlsDefaultResolver() {
        ScalarTags tags = new ScalarTags();
        Resolver reference = new Resolver();
        qt().withExamples(500).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 12)).checkAssert(text -> {
            for (String value : List.of(text, "1" + text, "y" + text, text.toUpperCase())) {
                for (boolean implicit : new boolean[] {true, false}) {
                    assertThat(tags.resolve(NodeId.scalar, value, implicit))
                            .isEqualTo(tags.resolve(NodeId.scalar, value, implicit))
                            .isEqualTo(reference.resolve(NodeId.scalar, value, implicit));
                }
            }
        });
        for (String scalar : SCALARS) {
            assertThat(tags.resolve(NodeId.scalar, scalar, true)).as(scalar)
                    .isEqualTo(reference.resolve(NodeId.scalar, scalar, true));
        }
    }

    @Test
    void loadedResourcesAndDigestsEqualThoseComposedWithAYamlPerFile() {
        ManifestLoader loader = ManifestLoader.defaults();
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            String text = file(new Random(seed));

            List<Resource> reference;
            try {
                reference = composedWithAYamlPerFile(text);
            } catch (RuntimeException e) {
                assertThatThrownBy(() -> loader.parse("f.yaml", text.getBytes(UTF_8)))
                        .isInstanceOf(ManifestException.class);
                return;
            }

            List<Resource> loaded = loader.parse("f.yaml", text.getBytes(UTF_8));

            assertThat(loaded).hasSameSizeAs(reference);
            for (int i = 0; i < loaded.size(); i++) {
                assertThat(loaded.get(i).tree()).isEqualTo(reference.get(i).tree());
                assertThat(loaded.get(i).digest()).isEqualTo(reference.get(i).digest());
                assertThat(loaded.get(i).provenance()).isEqualTo(reference.get(i).provenance());
            }
        });
    }

    /** What the loader read before: {@code new Yaml(options).composeAll}, then the same tree conversion. */
    private static List<Resource> composedWithAYamlPerFile(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(200);
        List<Resource> resources = new ArrayList<>();
        int document = 0;
        for (Node root : new Yaml(options).composeAll(new StringReader(text))) {
            JsonNode tree = new YamlTreeReader(1_000_000, 200).convert(root);
            resources.add(Resource.of(tree, Provenance.of("f.yaml", document++, root.getStartMark().getLine() + 1)));
        }
        return resources;
    }

    private static String file(Random random) {
        StringBuilder out = new StringBuilder();
        int documents = 1 + random.nextInt(3);
        for (int d = 0; d < documents; d++) {
            if (d > 0) {
                out.append("---\n");
            }
            out.append("apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: thing-").append(d)
                    .append("\n  labels:\n    app: ").append(pick(random)).append("\nspec:\n");
            int fields = 1 + random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                out.append("  f").append(f).append(": ");
                switch (random.nextInt(4)) {
                    case 0 -> out.append('[').append(scalar(random)).append(", ").append(scalar(random)).append("]\n");
                    case 1 -> out.append("\n    - ").append(pick(random)).append("\n    - ").append(pick(random))
                            .append('\n');
                    case 2 -> out.append("&a").append(f).append(" {x: ").append(scalar(random)).append("}\n  m")
                            .append(f).append(":\n    <<: *a").append(f).append("\n    y: ").append(pick(random))
                            .append('\n');
                    default -> out.append(pick(random)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** A scalar that fits on one line of a flow collection. */
    private static String scalar(Random random) {
        String value = pick(random);
        return value.contains("\n") || value.startsWith("-") || value.contains(" ") ? "'" + value.length() + "'" : value;
    }

    private static String pick(Random random) {
        return SCALARS.get(random.nextInt(SCALARS.size()));
    }
}
