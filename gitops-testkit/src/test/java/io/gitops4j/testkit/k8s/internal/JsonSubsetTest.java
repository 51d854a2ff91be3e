package io.gitops4j.testkit.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** YAML request bodies that are JSON objects read by the JSON parser give the tree the YAML parser gives. */
class JsonSubsetTest {

    /* Characters YAML gives meaning to, and the ones JSON must escape (not DEL, which the JSON writer leaves raw). */
    private static final String[] PIECES = {"a", "Z", "0", "7", " ", ":", ": ", "#", " #", "-", "- ", "?", ",", "[",
        "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "/", "~", "\t", "\n", "\r", "\u0001",
        "\u001f", "\u0085", "\u00a0", "\u00e9", "\u2028", "\u2029", "\ufeff", "\ud83d\ude00", "true", "no",
        "yes", "null", "~", "1", "-0", "1e3", "0x1f", "012", ".5", ".inf", "<<", "---", "...", "=", "\\n"};

    private static final ObjectWriter COMPACT = Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final ObjectWriter PRETTY = COMPACT.withDefaultPrettyPrinter();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The node types in document order, so an int read as a long (equal as text) still differs. */
    private static String shape(JsonNode node) {
        StringBuilder out = new StringBuilder(node.getNodeType().toString());
        if (node.isNumber()) {
            out.append(':').append(node.numberType());
        }
        node.forEach(child -> out.append(',').append(shape(child)));
        return out.toString();
    }

    private static void assertSameTree(JsonNode fast, JsonNode yaml) {
        assertThat(fast.toString()).isEqualTo(yaml.toString());
        assertThat(shape(fast)).isEqualTo(shape(yaml));
    }

    @Test
    void jsonObjectBodiesParseAsTheYamlReaderParsesThem() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            ObjectNode object = new TreeMaker(new Random(seed)).object(0);
            for (ObjectWriter writer : new ObjectWriter[] {COMPACT, PRETTY}) {
                byte[] body;
                try {
                    body = writer.writeValueAsBytes(object);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }

                JsonNode fast = JsonSubset.read(body).orElseThrow();
                JsonNode yaml = Json.parseWith(body, true);

                assertSameTree(fast, yaml);
                assertSameTree(Json.parse(body, true), yaml);
            }
        });
    }

    @Test
    void aYamlFlowMappingIsLeftToTheYamlReader() {
        byte[] body = bytes("{a: b, c: [1, x]}");

        assertThat(JsonSubset.read(body)).isEmpty();
        assertThat(Json.parse(body, true).toString()).isEqualTo("{\"a\":\"b\",\"c\":[1,\"x\"]}");
    }

    @Test
    void bodiesWithATrailingDocumentOrADuplicateKeyAreLeftToTheYamlReader() {
        byte[] twoDocuments = bytes("{\"a\":1}\n---\n{\"b\":2}");
        byte[] duplicate = bytes("{\"a\":1,\"a\":2}");

        assertThat(JsonSubset.read(twoDocuments)).isEmpty();
        assertThat(JsonSubset.read(duplicate)).isEmpty();
        assertSameTree(Json.parse(twoDocuments, true), Json.parseWith(twoDocuments, true));
        assertSameTree(Json.parse(duplicate, true), Json.parseWith(duplicate, true));
    }

    @Test
    void rawCharactersYamlReadsDifferentlyAreLeftToTheYamlReader() {
        byte[] nextLine = bytes("{\"a\":\"x\u0085y\"}");
        byte[] delete = bytes("{\"a\":\"x\u007fy\"}");
        byte[] accented = bytes("{\"a\":\"\u00e9\"}");

        assertThat(JsonSubset.read(nextLine)).isEmpty();
        assertThat(JsonSubset.read(delete)).isEmpty();
        assertThat(JsonSubset.read(accented)).isEmpty();
        assertSameTree(Json.parse(nextLine, true), Json.parseWith(nextLine, true));
        assertThat(Json.parse(accented, true).path("a").asText()).isEqualTo("\u00e9");
    }

    @Test
    void scalarsAndListsAreLeftToTheYamlReader() {
        assertThat(JsonSubset.read(bytes("[1]"))).isEmpty();
        assertThat(JsonSubset.read(bytes("\"text\""))).isEmpty();
        assertThat(JsonSubset.read(bytes(""))).isEmpty();
    }

    @Test
    void aBodyThatIsNeitherReportsTheYamlError() {
        assertThatThrownBy(() -> Json.parse(bytes("{\"a\": [1, }"), true))
                .isInstanceOf(ApiError.class)
                .hasMessageContaining("not valid YAML");
    }

    /** Random JSON trees from a seed: strings from YAML-significant pieces, every number type, nesting. */
    private static final class TreeMaker {
        private final Random random;

        TreeMaker(Random random) {
            this.random = random;
        }

        ObjectNode object(int depth) {
            ObjectNode object = Json.object();
            int fields = random.nextInt(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
            for (int i = 0; i < fields; i++) {
                JsonNode value = value(depth + 1);
                object.set(text(), value);
            }
            return object;
        }

        private ArrayNode array(int depth) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            int items = random.nextInt(4);
            for (int i = 0; i < items; i++) {
                array.add(value(depth + 1));
            }
            return array;
        }

        private JsonNode value(int depth) {
            int pick = random.nextInt(depth > 4 ? 9 : 11);
            switch (pick) {
                case 0:
                    return Json.MAPPER.getNodeFactory().numberNode(random.nextInt(2001) - 1000);
                case 1:
                    return Json.MAPPER.getNodeFactory().numberNode(random.nextLong());
                case 2:
                    return Json.MAPPER.getNodeFactory().numberNode(
                            BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(random.nextInt(1000) + 2)));
                case 3:
                    return Json.MAPPER.getNodeFactory().numberNode(double_());
                case 4:
                    return Json.MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
                case 5:
                    return Json.MAPPER.getNodeFactory().nullNode();
                case 9:
                    return object(depth);
                case 10:
                    return array(depth);
                default:
                    return Json.MAPPER.getNodeFactory().textNode(text());
            }
        }

        private double double_() {
            switch (random.nextInt(4)) {
                case 0:
                    return random.nextDouble();
                case 1:
                    return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(600) - 300);
                case 2:
                    return random.nextInt(1000) * 1.0;
                default:
                    return -0.0;
            }
        }

        private String text() {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(5);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            return text.toString();
        }
    }
}
