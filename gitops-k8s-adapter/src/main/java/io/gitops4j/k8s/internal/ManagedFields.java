package io.gitops4j.k8s.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Reconstructs what a field manager last applied from a live object's {@code metadata.managedFields}: a tree
 * with the live values at exactly the paths the manager's {@code Apply} entry owns.
 *
 * <p>The {@code fieldsV1} encoding: {@code f:<name>} is an object field, {@code k:<json>} a list item matched by
 * its key fields, {@code v:<json>} a set item by value, {@code i:<n>} a list item by index, and {@code .} the node
 * itself; an empty object marks a leaf owned as a whole. Stateless and thread-safe.
 */
public final class ManagedFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ManagedFields() {
    }

    /**
     * Returns the fields a manager applied to a live object, with their live values.
     *
     * @param live the live object with {@code metadata.managedFields}
     * @param manager the field manager whose {@code operation: Apply} entry to read
     * @return the applied tree with {@code apiVersion}, {@code kind} and the object's name and namespace, or empty
     *     when the manager never applied to the object
     */
    public static Optional<ObjectNode> lastApplied(JsonNode live, String manager) {
        JsonNode entries = live.path("metadata").path("managedFields");
        for (JsonNode entry : entries) {
            if (manager.equals(entry.path("manager").asText()) && "Apply".equals(entry.path("operation").asText())
                    && entry.path("subresource").asText("").isEmpty()) {
                JsonNode owned = project(live, entry.path("fieldsV1"));
                ObjectNode tree = owned instanceof ObjectNode object ? object : NODES.objectNode();
                return Optional.of(withIdentity(tree, live));
            }
        }
        return Optional.empty();
    }

    private static ObjectNode withIdentity(ObjectNode tree, JsonNode live) {
        tree.set("apiVersion", live.path("apiVersion").deepCopy());
        tree.set("kind", live.path("kind").deepCopy());
        ObjectNode metadata = tree.has("metadata") && tree.get("metadata").isObject()
                ? (ObjectNode) tree.get("metadata") : tree.putObject("metadata");
        metadata.set("name", live.path("metadata").path("name").deepCopy());
        JsonNode namespace = live.path("metadata").get("namespace");
        if (namespace != null) {
            metadata.set("namespace", namespace.deepCopy());
        }
        return tree;
    }

    /**
     * Projects a live node onto a {@code fieldsV1} set.
     *
     * @param live the live node
     * @param fields the owned field set at that node
     * @return the owned part of the node
     */
    static JsonNode project(JsonNode live, JsonNode fields) {
        if (!fields.isObject() || fields.isEmpty()) {
            return live.deepCopy();
        }
        if (live.isObject()) {
            return projectObject(live, fields);
        }
        if (live.isArray()) {
            return projectArray((ArrayNode) live, fields);
        }
        return live.deepCopy();
    }

    private static JsonNode projectObject(JsonNode live, JsonNode fields) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : fields.properties()) {
            if (!entry.getKey().startsWith("f:")) {
                continue;
            }
            String name = entry.getKey().substring(2);
            JsonNode child = live.get(name);
            if (child != null) {
                JsonNode owned = project(child, entry.getValue());
                if (owned != null) {
                    out.set(name, owned);
                }
            }
        }
        return out;
    }

    private static JsonNode projectArray(ArrayNode live, JsonNode fields) {
        ArrayNode out = NODES.arrayNode();
        for (int index = 0; index < live.size(); index++) {
            JsonNode item = live.get(index);
            for (Map.Entry<String, JsonNode> entry : fields.properties()) {
                JsonNode owned = projectItem(item, index, entry.getKey(), entry.getValue());
                if (owned != null) {
                    out.add(owned);
                    break;
                }
            }
        }
        return out;
    }

    private static JsonNode projectItem(JsonNode item, int index, String selector, JsonNode fields) {
        if (selector.startsWith("k:")) {
            JsonNode key = parse(selector.substring(2));
            if (key == null || !key.isObject() || !matchesKey(item, key)) {
                return null;
            }
            JsonNode owned = project(item, fields);
            if (owned instanceof ObjectNode object) {
                key.fieldNames().forEachRemaining(name -> object.set(name, item.get(name).deepCopy()));
            }
            return owned;
        }
        if (selector.startsWith("v:")) {
            JsonNode value = parse(selector.substring(2));
            return value != null && same(value, item) ? item.deepCopy() : null;
        }
        if (selector.startsWith("i:")) {
            return selector.substring(2).equals(Integer.toString(index)) ? project(item, fields) : null;
        }
        return null;
    }

    private static boolean matchesKey(JsonNode item, JsonNode key) {
        for (Map.Entry<String, JsonNode> field : key.properties()) {
            JsonNode value = item.get(field.getKey());
            if (value == null || !same(field.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
