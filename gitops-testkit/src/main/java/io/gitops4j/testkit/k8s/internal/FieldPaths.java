package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads and removes the values {@link FieldSet} paths address inside an object. */
public final class FieldPaths {

    private FieldPaths() {
    }

    /** The value at the path, or {@code null} when absent. */
    public static JsonNode valueAt(JsonNode object, List<String> path) {
        JsonNode node = object;
        for (String element : path) {
            node = step(node, element);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static JsonNode step(JsonNode node, String element) {
        if (node == null) {
            return null;
        }
        int index = indexIn(node, element);
        if (element.startsWith("f:")) {
            return node.isObject() ? node.get(element.substring(2)) : null;
        }
        return index < 0 ? null : node.get(index);
    }

    private static int indexIn(JsonNode node, String element) {
        if (!node.isArray() || element.startsWith("f:")) {
            return -1;
        }
        JsonNode wanted = Json.parse(element.substring(2).getBytes(StandardCharsets.UTF_8), false);
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (element.startsWith("v:") ? item.equals(wanted) : matchesKey(item, wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesKey(JsonNode item, JsonNode key) {
        if (!item.isObject()) {
            return false;
        }
        for (var it = key.properties().iterator(); it.hasNext();) {
            var field = it.next();
            if (!field.getValue().equals(item.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes the value at the path, then any object or list below the top level that the removal left empty.
     *
     * @return whether something was removed
     */
    public static boolean remove(ObjectNode object, List<String> path) {
        JsonNode parent = valueAt(object, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        boolean removed = false;
        if (parent instanceof ObjectNode parentObject && last.startsWith("f:")) {
            removed = parentObject.remove(last.substring(2)) != null;
        } else if (parent instanceof ArrayNode array) {
            int index = indexIn(array, last);
            if (index >= 0) {
                array.remove(index);
                removed = true;
            }
        }
        if (removed && path.size() > 2 && parent.size() == 0) {
            remove(object, path.subList(0, path.size() - 1));
        }
        return removed;
    }
}
