package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A place in a JSON tree that holds a value: a field of an object or an element of a list. Not thread-safe. */
final class Slot {
    private final ObjectNode object;
    private final String field;
    private final ArrayNode array;
    private final int index;

    private Slot(ObjectNode object, String field, ArrayNode array, int index) {
        this.object = object;
        this.field = field;
        this.array = array;
        this.index = index;
    }

    static Slot field(ObjectNode object, String field) {
        return new Slot(object, field, null, -1);
    }

    static Slot element(ArrayNode array, int index) {
        return new Slot(null, null, array, index);
    }

    /** Returns the value held, or {@code null} when the field is missing. */
    JsonNode get() {
        return object != null ? object.get(field) : array.get(index);
    }

    /** Replaces the value held. */
    void set(JsonNode value) {
        if (object != null) {
            object.set(field, value);
        } else {
            array.set(index, value);
        }
    }

    /** Returns the value held as text ({@code ""} for a missing, null or non-scalar value). */
    String text() {
        JsonNode value = get();
        return value == null || !value.isValueNode() || value.isNull() ? "" : value.asText();
    }
}
