package io.gitops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pins the canonical form (and so every digest) to the field-by-name, number-by-value form it has always had. */
class CanonicalJsonFormTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void canonicalTextAndDigestOfPlainAndFrozenTreesAreThoseOfTheReferenceForm() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            JsonNode tree = object(new Random(seed), 0);
            String expected = reference(tree);

            assertThat(CanonicalJson.toString(tree)).isEqualTo(expected);
            assertThat(CanonicalJson.toString(FrozenJson.freeze(tree))).isEqualTo(expected);
            assertThat(CanonicalJson.sha256(FrozenJson.freeze(tree))).isEqualTo(sha256(expected));
        });
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(depth == 0 ? 12 : 6);
        for (int i = 0; i < fields; i++) {
            String name = random.nextBoolean() ? "k" + random.nextInt(20) : Character.toString('a' + random.nextInt(26));
            object.set(name, value(random, depth + 1));
        }
        return object;
    }

    private static JsonNode value(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 9 : 11)) {
            case 0: return NODES.numberNode(random.nextInt());
            case 1: return NODES.numberNode(random.nextLong());
            case 2: return NODES.numberNode(BigInteger.valueOf(random.nextLong()).multiply(BigInteger.TEN.pow(5)));
            case 3: return NODES.numberNode(BigDecimal.valueOf(random.nextInt(2000) - 1000, random.nextInt(6) - 2));
            case 4: return NODES.numberNode((short) random.nextInt(1000));
            case 5: return NODES.booleanNode(random.nextBoolean());
            case 6: return NODES.nullNode();
            case 7: return NODES.textNode("v\"\\\n\u00e9\u2603" + random.nextInt(100));
            case 8: return NODES.textNode("x" + random.nextInt(5));
            case 9: return object(random, depth);
            default:
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                return array;
        }
    }

    /** The canonical writer as first written: sorted names looked up one by one, every integer as a BigInteger. */
    private static String reference(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            out.writeStartObject();
            for (String name : names) {
                out.writeFieldName(name);
                write(node.get(name), out);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode item : node) {
                write(item, out);
            }
            out.writeEndArray();
        } else if (node.isIntegralNumber()) {
            out.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            BigDecimal stripped = node.decimalValue().signum() == 0 ? BigDecimal.ZERO
                    : node.decimalValue().stripTrailingZeros();
            out.writeNumber(stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : stripped.toPlainString());
        } else if (node.isNull()) {
            out.writeNull();
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else {
            out.writeString(node.asText());
        }
    }

    private static String sha256(String text) {
        MessageDigest digest = CanonicalJson.newDigest();
        return "sha256:" + HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
