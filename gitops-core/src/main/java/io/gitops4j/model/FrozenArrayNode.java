package io.gitops4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * A Jackson array node over an immutable element list, made by {@link FrozenJson}. Every mutator throws
 * {@link UnsupportedOperationException}; {@link #deepCopy()} returns an ordinary mutable node.
 */
final class FrozenArrayNode extends ArrayNode {
    private static final long serialVersionUID = 1L;

    FrozenArrayNode(List<JsonNode> elements) {
        super(JsonNodeFactory.instance, elements);
    }
}
