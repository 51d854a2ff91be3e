package io.gitops4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A Jackson object node over an immutable field map, made by {@link FrozenJson}; its type marks a tree as frozen.
 * Every mutator throws {@link UnsupportedOperationException} (the map refuses changes); {@link #deepCopy()}
 * returns an ordinary mutable node.
 */
final class FrozenObjectNode extends ObjectNode {
    private static final long serialVersionUID = 1L;

    FrozenObjectNode(Map<String, JsonNode> fields) {
        super(JsonNodeFactory.instance, fields);
    }
}
