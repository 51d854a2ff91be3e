package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

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
        return n.isNull() || (n.isContainerNode() && n.isEmpty());
    }

    /** Tells whether a live value is absent: no node, a missing node or JSON {@code null}. */
    static boolean isAbsent(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull();
    }
}
