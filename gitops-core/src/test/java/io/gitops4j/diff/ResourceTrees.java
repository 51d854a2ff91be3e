package io.gitops4j.diff;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of resource bodies for the differ's properties, and the "server" that turns a
 * desired body into a live one: extra fields, numbers written as decimals, named list items reordered and
 * injected.
 */
final class ResourceTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("a", "b", "image", "mode", "x.y", "example.com/key",
            "tilde~key", "path/with~both", "Enabled", "with space", "count");
    private static final List<String> WORDS = List.of("", "web", "1", "true", "v1.2", "a/b", "~0", "naïve");
    private static final String SERVER_PREFIX = "zz-server-";

    private ResourceTrees() {
    }

    /** Resource bodies with random labels and a random {@code spec} of maps, scalars and lists. */
    static Gen<ObjectNode> resources() {
        return in -> {
            ObjectNode body = NODES.objectNode();
            body.put("apiVersion", "example.com/v1");
            body.put("kind", "Widget");
            ObjectNode metadata = body.putObject("metadata");
            metadata.put("name", "w");
            metadata.put("namespace", "ns");
            ObjectNode labels = metadata.putObject("labels");
            int labelCount = integers().between(0, 3).generate(in);
            for (int i = 0; i < labelCount; i++) {
                labels.put(Generate.pick(KEYS).generate(in), Generate.pick(WORDS).generate(in));
            }
            ObjectNode spec = object(3).generate(in);
            spec.put("replicas", integers().between(0, 5).generate(in));
            body.set("spec", spec);
            return body;
        };
    }

    private static Gen<ObjectNode> object(int depth) {
        return in -> {
            ObjectNode node = NODES.objectNode();
            int size = integers().between(1, 4).generate(in);
            for (int i = 0; i < size; i++) {
                node.set(Generate.pick(KEYS).generate(in), value(depth - 1).generate(in));
            }
            return node;
        };
    }

    private static Gen<JsonNode> value(int depth) {
        return in -> {
            int choice = integers().between(0, depth > 0 ? 7 : 3).generate(in);
            switch (choice) {
                case 0: return NODES.textNode(Generate.pick(WORDS).generate(in));
                case 1: return NODES.numberNode(integers().between(-3, 1000).generate(in));
                case 2: return NODES.booleanNode(booleans().all().generate(in));
                case 3: return NODES.numberNode(integers().between(0, 40).generate(in) / 4.0);
                case 4:
                case 5: return object(depth).generate(in);
                case 6: return scalarList().generate(in);
                default: return namedList(depth).generate(in);
            }
        };
    }

    private static Gen<ArrayNode> scalarList() {
        return in -> {
            ArrayNode list = NODES.arrayNode();
            int size = integers().between(1, 4).generate(in);
            for (int i = 0; i < size; i++) {
                list.add(value(0).generate(in));
            }
            return list;
        };
    }

    private static Gen<ArrayNode> namedList(int depth) {
        return in -> {
            ArrayNode list = NODES.arrayNode();
            int size = integers().between(1, 4).generate(in);
            for (int i = 0; i < size; i++) {
                ObjectNode item = object(depth - 1).generate(in);
                item.put("name", "item-" + i);
                list.add(item);
            }
            return list;
        };
    }

    /** Returns a live copy of a body as a server might report it; never changes a value desired declares. */
    static ObjectNode serve(ObjectNode desired, long seed) {
        ObjectNode live = desired.deepCopy();
        Random random = new Random(seed);
        addServerNoise(live, random);
        ObjectNode metadata = (ObjectNode) live.get("metadata");
        metadata.put("uid", "0b5e");
        metadata.put("resourceVersion", Long.toString(random.nextInt(1000)));
        metadata.put("generation", 3);
        metadata.putObject("annotations").put("kubectl.kubernetes.io/last-applied-configuration", "{}");
        live.putObject("status").put("observedGeneration", 3);
        return live;
    }

    private static void addServerNoise(JsonNode node, Random random) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isInt() && random.nextBoolean()) {
                    object.set(name, DoubleNode.valueOf(value.intValue()));
                } else {
                    addServerNoise(value, random);
                }
            }
            if (random.nextInt(3) == 0) {
                object.put(SERVER_PREFIX + random.nextInt(100), random.nextBoolean());
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (JsonNode item : array) {
                addServerNoise(item, random);
            }
            if (array.size() > 1 && array.get(0).has("name") && random.nextBoolean()) {
                array.add(array.remove(0));
                array.addObject().put("name", SERVER_PREFIX + "injected").put("image", "mesh:1");
            }
        }
    }

    /** Returns the JSON Pointers of the scalar leaves under {@code /spec} and labels, except item names. */
    static List<String> leaves(ObjectNode body) {
        List<String> pointers = new ArrayList<>();
        collect(body.get("spec"), "/spec", false, pointers);
        collect(body.get("metadata").get("labels"), "/metadata/labels", false, pointers);
        return pointers;
    }

    private static void collect(JsonNode node, String pointer, boolean listItem, List<String> pointers) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (!(listItem && field.getKey().equals("name"))) {
                    collect(field.getValue(), pointer + "/" + JsonPointers.escape(field.getKey()), false, pointers);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, true, pointers);
            }
        } else {
            pointers.add(pointer);
        }
    }

    /** Changes the scalar at a pointer to a different value (possibly of another type). */
    static void mutate(ObjectNode body, String pointer, int how) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = body.at(pointer.substring(0, slash));
        JsonNode old = body.at(pointer);
        JsonNode changed = changedValue(old, how);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(pointer.substring(slash + 1)), changed);
        } else {
            String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            ((ObjectNode) parent).set(key, changed);
        }
    }

    /** Removes the scalar at a pointer: the field from its map, or the item from its list. */
    static void drop(ObjectNode body, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = body.at(pointer.substring(0, slash));
        if (parent.isArray()) {
            ((ArrayNode) parent).remove(Integer.parseInt(pointer.substring(slash + 1)));
        } else {
            ((ObjectNode) parent).remove(pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~"));
        }
    }

    private static JsonNode changedValue(JsonNode old, int how) {
        if (how % 3 == 0 && old.isNumber()) {
            return NODES.textNode(old.asText());
        }
        if (how % 3 == 1) {
            return NODES.textNode(old.asText() + "-changed");
        }
        if (old.isBoolean()) {
            return NODES.booleanNode(!old.booleanValue());
        }
        if (old.isNumber()) {
            return NODES.numberNode(old.decimalValue().add(java.math.BigDecimal.ONE));
        }
        return NODES.textNode(old.asText() + "x");
    }
}
