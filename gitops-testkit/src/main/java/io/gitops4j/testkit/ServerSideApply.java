package io.gitops4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The field-merge rules of the in-memory target, a simplified server-side apply: declared fields are set (objects
 * merge field by field; lists and scalars replace; a declared {@code null} removes); leaves the previous apply
 * declared and this one does not are removed, with objects left empty by that removal; every other field (set by
 * the server or by others) is kept. Stateless.
 */
final class ServerSideApply {
    private ServerSideApply() {
    }

    /** Returns a new live tree: {@code live} with {@code previouslyApplied}'s leftovers removed and desired set. */
    static ObjectNode merge(ObjectNode live, ObjectNode previouslyApplied, ObjectNode desired) {
        ObjectNode result = live.deepCopy();
        if (previouslyApplied != null) {
            removeUndeclared(result, previouslyApplied, desired);
        }
        overlay(result, desired);
        return result;
    }

    private static void removeUndeclared(ObjectNode live, ObjectNode previous, JsonNode desired) {
        List<String> names = new ArrayList<>();
        previous.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode declared = desired != null && desired.isObject() ? desired.get(name) : null;
            JsonNode before = previous.get(name);
            JsonNode current = live.get(name);
            if (current == null) {
                continue;
            }
            if (before.isObject() && current.isObject()
                    && (declared == null || declared.isObject())) {
                removeUndeclared((ObjectNode) current, (ObjectNode) before, declared);
                if (declared == null && current.isEmpty()) {
                    live.remove(name);
                }
            } else if (declared == null) {
                live.remove(name);
            }
        }
    }

    private static void overlay(ObjectNode live, ObjectNode desired) {
        for (Iterator<String> it = desired.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode value = desired.get(name);
            JsonNode current = live.get(name);
            if (value.isNull()) {
                live.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                overlay((ObjectNode) current, (ObjectNode) value);
            } else {
                live.set(name, withoutNulls(value));
            }
        }
    }

    private static JsonNode withoutNulls(JsonNode value) {
        if (!value.isObject()) {
            return value.deepCopy();
        }
        ObjectNode copy = ((ObjectNode) value).objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (!field.getValue().isNull()) {
                copy.set(field.getKey(), withoutNulls(field.getValue()));
            }
        }
        return copy;
    }
}
