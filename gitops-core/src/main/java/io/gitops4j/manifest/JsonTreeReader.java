package io.gitops4j.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Builds one JSON document's tree from a parser, rejecting duplicate keys (as Kubernetes' reader does) and numbers
 * no float64 can hold ({@link NumberLimits}), counting nodes against a budget and recording the lines of the fields
 * that identify a resource ({@link FieldLines}). One instance per document; not thread-safe.
 */
final class JsonTreeReader {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonParser parser;
    private final long maxNodes;
    private final FieldLines lines = new FieldLines();
    private long nodes;

    JsonTreeReader(JsonParser parser, long maxNodes) {
        this.parser = parser;
        this.maxNodes = maxNodes;
    }

    /** Returns the lines of the identifying fields of the trees read so far. */
    FieldLines lines() {
        return lines;
    }

    /** Reads the value at the parser's current token. */
    JsonNode read() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return readObject();
        }
        if (token == JsonToken.START_ARRAY) {
            return readArray();
        }
        return scalar(token);
    }

    private ObjectNode readObject() throws IOException {
        count(1);
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            JsonNode value = read();
            if (object.has(name)) {
                throw new DocumentProblem("key '" + name + "' appears twice in one mapping; remove one", line);
            }
            object.set(name, value);
            lines.record(object, name, line);
        }
        return object;
    }

    private ArrayNode readArray() throws IOException {
        count(1);
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read());
        }
        return array;
    }

    private JsonNode scalar(JsonToken token) throws IOException {
        count(1);
        switch (token) {
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                NumberLimits.checkLength(parser.getTextLength(), line());
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(NumberLimits.checkRange(parser.getBigIntegerValue(), line()));
                }
            case VALUE_NUMBER_FLOAT:
                NumberLimits.checkLength(parser.getTextLength(), line());
                return NODES.numberNode(NumberLimits.checkRange(decimal(), line()));
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected token " + token);
        }
    }

    private BigDecimal decimal() throws IOException {
        try {
            return parser.getDecimalValue();
        } catch (NumberFormatException e) {
            throw NumberLimits.outOfRange(line());
        }
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private void count(long added) {
        nodes += added;
        if (nodes > maxNodes) {
            throw new TooLargeException(maxNodes);
        }
    }

    /** A document expands past the node budget. */
    static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long maxNodes) {
            super("document expands to more than " + maxNodes
                    + " nodes (YAML aliases expanding too far?); refusing to load it");
        }
    }
}
