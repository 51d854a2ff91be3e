package io.gitops4j.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Makes compact, read-only copies of JSON trees, the form in which {@link Resource} keeps its body.
 *
 * <p>Jackson's own nodes are kept (so every reader of {@link JsonNode} works unchanged), but each object's
 * fields live in a small array instead of a {@code LinkedHashMap} (a {@code LinkedHashMap} costs about 45 bytes a
 * field plus its table; the array costs 8), each array's elements in an immutable list, and value nodes (which
 * Jackson never changes) are shared rather than copied. A Deployment of 1.4 KB of JSON takes about a third of the
 * heap it takes as a plain Jackson tree. Field order is kept.
 *
 * <p>The copy is immutable: every mutator of its objects and arrays ({@code set}, {@code put}, {@code remove},
 * {@code add}, ...) throws {@link UnsupportedOperationException}. {@link JsonNode#deepCopy()} of it returns an
 * ordinary mutable Jackson tree. Thread-safe.
 */
public final class FrozenJson {
    /* Up to this many fields an object is looked up by a linear scan; field names are usually interned by the
       parser, so most comparisons are one reference check. Larger objects use a hashed immutable map. */
    private static final int LINEAR_LIMIT = 8;

    private FrozenJson() {
    }

    /**
     * Returns a compact read-only copy of a tree; a tree that is already frozen is returned as is.
     *
     * @param node the tree; not changed
     * @return the frozen copy
     */
    public static JsonNode freeze(JsonNode node) {
        requireNonNull(node, "node is null");
        if (node.isObject()) {
            return freezeObject((ObjectNode) node);
        }
        if (node.isArray()) {
            return node instanceof FrozenArrayNode ? node : freezeArray((ArrayNode) node);
        }
        return node;
    }

    /**
     * Returns a compact read-only copy of an object tree; one that is already frozen is returned as is.
     *
     * @param node the object; not changed
     * @return the frozen copy
     */
    public static ObjectNode freezeObject(ObjectNode node) {
        requireNonNull(node, "node is null");
        if (isFrozen(node)) {
            return node;
        }
        int size = node.size();
        if (size == 0) {
            return new FrozenObjectNode(Map.of());
        }
        if (size <= LINEAR_LIMIT) {
            Object[] slots = new Object[size * 2];
            int index = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                slots[index++] = field.getKey();
                slots[index++] = freeze(field.getValue());
            }
            return new FrozenObjectNode(new SmallFieldMap(slots));
        }
        ImmutableMap.Builder<String, JsonNode> fields = ImmutableMap.builderWithExpectedSize(size);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), freeze(field.getValue()));
        }
        return new FrozenObjectNode(fields.buildOrThrow());
    }

    private static ArrayNode freezeArray(ArrayNode node) {
        JsonNode[] elements = new JsonNode[node.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = freeze(node.get(i));
        }
        return new FrozenArrayNode(List.of(elements));
    }

    /**
     * Tells whether an object tree is already in frozen form (its top level; a frozen tree is frozen throughout).
     *
     * @param node the object
     * @return {@code true} when it was made by this class
     */
    public static boolean isFrozen(ObjectNode node) {
        requireNonNull(node, "node is null");
        return node instanceof FrozenObjectNode;
    }
}
