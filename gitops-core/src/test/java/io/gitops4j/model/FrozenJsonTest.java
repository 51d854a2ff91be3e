package io.gitops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrozenJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void frozenCopyReadsLikeTheOriginalForAnyTree() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            JsonNode original = randomTree(new Random(seed), 0);
            JsonNode frozen = FrozenJson.freeze(original);

            assertThat(frozen).isEqualTo(original);
            assertThat(original).isEqualTo(frozen);
            assertThat(frozen.hashCode()).isEqualTo(original.hashCode());
            assertThat(frozen.toString()).isEqualTo(original.toString());
            assertThat(fieldNamesInOrder(frozen)).isEqualTo(fieldNamesInOrder(original));
            assertSameLookups(original, frozen);
        });
    }

    @Test
    void everyMutatorOfAFrozenTreeIsRefused() throws Exception {
        ObjectNode frozen = FrozenJson.freezeObject((ObjectNode) json.readTree(
                "{\"a\": 1, \"b\": {\"c\": [1, 2]}, \"d\": {}}"));

        assertThatThrownBy(() -> frozen.put("a", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((ObjectNode) frozen.get("b")).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((ObjectNode) frozen.get("d")).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((ArrayNode) frozen.get("b").get("c")).add(3))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.fields().next().setValue(NODES.nullNode()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(frozen.toString()).isEqualTo("{\"a\":1,\"b\":{\"c\":[1,2]},\"d\":{}}");
    }

    @Test
    void aDeepCopyOfAFrozenTreeIsAnOrdinaryMutableTree() throws Exception {
        ObjectNode frozen = FrozenJson.freezeObject((ObjectNode) json.readTree("{\"a\": {\"b\": [1]}}"));

        ObjectNode copy = frozen.deepCopy();
        ((ArrayNode) copy.get("a").get("b")).add(2);
        copy.put("z", true);

        assertThat(FrozenJson.isFrozen(copy)).isFalse();
        assertThat(copy.toString()).isEqualTo("{\"a\":{\"b\":[1,2]},\"z\":true}");
        assertThat(frozen.toString()).isEqualTo("{\"a\":{\"b\":[1]}}");
    }

    @Test
    void freezingAFrozenTreeReturnsItAndTheOriginalIsNeverShared() throws Exception {
        ObjectNode original = (ObjectNode) json.readTree("{\"a\": {\"b\": 1}}");
        ObjectNode frozen = FrozenJson.freezeObject(original);

        ((ObjectNode) original.get("a")).put("b", 2);

        assertThat(FrozenJson.freezeObject(frozen)).isSameAs(frozen);
        assertThat(FrozenJson.isFrozen(frozen)).isTrue();
        assertThat(FrozenJson.isFrozen(original)).isFalse();
        assertThat(frozen.get("a").get("b").asInt()).isEqualTo(1);
    }

    @Test
    void largeObjectsKeepOrderAndFindEveryField() {
        ObjectNode original = NODES.objectNode();
        for (int i = 0; i < 500; i++) {
            original.put("key-" + (i * 7919 % 500), i);
        }
        ObjectNode frozen = FrozenJson.freezeObject(original);

        assertThat(fieldNamesInOrder(frozen)).isEqualTo(fieldNamesInOrder(original));
        for (int i = 0; i < 500; i++) {
            String name = "key-" + i;
            assertThat(frozen.get(new String(name.toCharArray()))).isEqualTo(original.get(name));
        }
        assertThat(frozen.get("missing")).isNull();
        assertThat(frozen.has("key-3")).isTrue();
    }

    @Test
    void aResourceKeepsItsBodyFrozenAndHandsOutMutableCopies() throws Exception {
        Resource resource = Resource.of(json.readTree(
                "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}"));

        assertThat(FrozenJson.isFrozen((ObjectNode) resource.tree())).isTrue();
        assertThat(FrozenJson.isFrozen(resource.body())).isFalse();
        assertThat(FrozenJson.isFrozen((ObjectNode) resource.withNamespace("shop").tree())).isTrue();
        assertThat(resource.body().put("x", 1).get("x").asInt()).isEqualTo(1);
    }

    private static void assertSameLookups(JsonNode original, JsonNode frozen) {
        if (original.isObject()) {
            for (Iterator<String> names = original.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String other = new String(name.toCharArray());
                assertThat(frozen.has(other)).isTrue();
                assertSameLookups(original.get(name), frozen.get(other));
            }
            assertThat(frozen.get("\u0000absent")).isNull();
        } else if (original.isArray()) {
            assertThat(frozen.size()).isEqualTo(original.size());
            for (int i = 0; i < original.size(); i++) {
                assertSameLookups(original.get(i), frozen.get(i));
            }
        }
    }

    private static List<String> fieldNamesInOrder(JsonNode node) {
        List<String> names = new ArrayList<>();
        collect(node, "", names);
        return names;
    }

    private static void collect(JsonNode node, String path, List<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                names.add(path + "/" + field.getKey());
                collect(field.getValue(), path + "/" + field.getKey(), names);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, names);
            }
        }
    }

    private static JsonNode randomTree(Random random, int depth) {
        int choice = depth >= 4 ? 3 + random.nextInt(4) : random.nextInt(7);
        switch (choice) {
            case 0, 1 -> {
                ObjectNode object = NODES.objectNode();
                int size = random.nextInt(random.nextBoolean() ? 4 : 20);
                for (int i = 0; i < size; i++) {
                    object.set("f" + random.nextInt(30), randomTree(random, depth + 1));
                }
                return object;
            }
            case 2 -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    array.add(randomTree(random, depth + 1));
                }
                return array;
            }
            case 3 -> {
                return NODES.textNode("v" + random.nextInt(10));
            }
            case 4 -> {
                return NODES.numberNode(random.nextInt(100) - 50);
            }
            case 5 -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return random.nextInt(5) == 0 ? NODES.nullNode() : NODES.numberNode(random.nextDouble());
            }
        }
    }
}
