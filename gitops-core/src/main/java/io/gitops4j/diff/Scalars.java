package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Equality of scalar JSON values as Kubernetes compares them: numbers by value ({@code 1 == 1.0}), everything
 * else by type and value ({@code "1"} is not {@code 1}). Allocation-free for strings, booleans and integers
 * that fit a {@code long}. Stateless.
 */
final class Scalars {

    private Scalars() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a instanceof TextNode) {
            return b instanceof TextNode && a.textValue().equals(b.textValue());
        }
        if (a instanceof IntNode && b instanceof IntNode) {
            return a.intValue() == b.intValue();
        }
        if (a instanceof BooleanNode) {
            return b instanceof BooleanNode && a.booleanValue() == b.booleanValue();
        }
        JsonNodeType type = a.getNodeType();
        if (type != b.getNodeType()) {
            return type == JsonNodeType.NUMBER && b.isNumber() && numbersEqual(a, b);
        }
        switch (type) {
            case STRING:
                return a.textValue().equals(b.textValue());
            case BOOLEAN:
                return a.booleanValue() == b.booleanValue();
            case NULL:
            case MISSING:
                return true;
            case NUMBER:
                return numbersEqual(a, b);
            default:
                return a.equals(b);
        }
    }

    static boolean numbersEqual(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
            return a.longValue() == b.longValue();
        }
        if (isNonFinite(a) || isNonFinite(b)) {
            return a.doubleValue() == b.doubleValue();
        }
        return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }

    private static boolean isNonFinite(JsonNode n) {
        return (n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue());
    }

    /** Tells whether a desired value means "nothing": {@code null}, an empty map or an empty list. */
    static boolean isEmptyValue(JsonNode n) {
        return n instanceof NullNode || (n instanceof ContainerNode && n.isEmpty());
    }

    /**
     * Tells whether a value is the zero value of its type, which Kubernetes omits when serialising a field
     * marked {@code omitempty}: {@code ""}, {@code false} or {@code 0}.
     */
    static boolean isZero(JsonNode n) {
        if (n instanceof TextNode) {
            return n.textValue().isEmpty();
        }
        if (n instanceof BooleanNode) {
            return !n.booleanValue();
        }
        return n.isNumber() && n.doubleValue() == 0;
    }

    /** Tells whether a live value is absent: no node, a missing node or JSON {@code null}. */
    static boolean isAbsent(JsonNode n) {
        return n == null || n instanceof NullNode || n instanceof MissingNode;
    }
}
