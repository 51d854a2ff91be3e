package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Exact structural equality of two JSON trees (the same as Jackson's {@code equals}), tuned for the differ's
 * common case of two trees with their keys in the same order: maps are walked side by side and a key is looked
 * up by hash only where the orders part. Fails fast on maps and lists of different sizes. Stateless.
 */
final class Trees {

    private Trees() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a instanceof ObjectNode) {
            return b instanceof ObjectNode && objectsEqual(a, b);
        }
        if (a instanceof ArrayNode) {
            return b instanceof ArrayNode && arraysEqual(a, b);
        }
        return a.equals(b);
    }

    private static boolean objectsEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> left = a.fields();
        Iterator<Map.Entry<String, JsonNode>> right = b.fields();
        while (left.hasNext()) {
            Map.Entry<String, JsonNode> field = left.next();
            Map.Entry<String, JsonNode> other = right.next();
            String name = field.getKey();
            JsonNode value = name.equals(other.getKey()) ? other.getValue() : b.get(name);
            if (value == null || !equal(field.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean arraysEqual(JsonNode a, JsonNode b) {
        int size = a.size();
        if (size != b.size()) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
