package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gitops4j.kinds.ListItemKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A merge key of a list of objects: the fields that identify an item, with a default for fields the API server
 * fills in (a port's {@code protocol} is {@code TCP} when not written). Immutable.
 */
final class ListKey {
    private final String[] fields;
    private final JsonNode[] defaults;

    private ListKey(String[] fields, JsonNode[] defaults) {
        this.fields = fields;
        this.defaults = defaults;
    }

    /** A key of one or more fields, none with a default. */
    static ListKey of(String... fields) {
        return new ListKey(fields.clone(), new JsonNode[fields.length]);
    }

    /** The key a built-in list field's items are identified by, with the server's defaults of its fields. */
    static ListKey of(ListItemKey key) {
        String[] names = key.keyFields().toArray(String[]::new);
        JsonNode[] values = new JsonNode[names.length];
        for (int f = 0; f < names.length; f++) {
            String value = key.defaults().get(names[f]);
            values[f] = value == null ? null : TextNode.valueOf(value);
        }
        return new ListKey(names, values);
    }

    /** Tells whether every item is an object that has the primary key field. */
    boolean appliesTo(JsonNode list) {
        for (int i = 0, n = list.size(); i < n; i++) {
            JsonNode item = list.get(i);
            if (!(item instanceof ObjectNode) || !hasKey(item)) {
                return false;
            }
        }
        return true;
    }

    /** Tells whether no two items share a key. */
    boolean isUnique(JsonNode list) {
        if (list.size() > 32) {
            Set<Object> seen = new HashSet<>(list.size() * 2);
            for (JsonNode item : list) {
                if (!seen.add(hashKey(item))) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 1, n = list.size(); i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (same(list.get(i), list.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Returns the index of the first item of {@code list} with the key of {@code item}, or -1. */
    int find(JsonNode list, JsonNode item) {
        for (int i = 0, n = list.size(); i < n; i++) {
            if (same(list.get(i), item)) {
                return i;
            }
        }
        return -1;
    }

    /** Tells whether an item has the primary key field (items without it match nothing). */
    boolean hasKey(JsonNode item) {
        return !Scalars.isAbsent(item.get(fields[0]));
    }

    /** Tells whether two items have the same key; an item without the primary key field matches nothing. */
    boolean same(JsonNode a, JsonNode b) {
        if (!hasKey(a) || !hasKey(b)) {
            return false;
        }
        for (int f = 0; f < fields.length; f++) {
            JsonNode x = valueOf(a, f);
            JsonNode y = valueOf(b, f);
            if (x == null || y == null ? x != y : !Scalars.equal(x, y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns a value with {@code equals} and {@code hashCode} that agree with {@link #same}: texts as strings,
     * numbers by value, for one key field the value itself, for more a list.
     */
    Object hashKey(JsonNode item) {
        if (fields.length == 1) {
            return hashPart(valueOf(item, 0));
        }
        List<Object> parts = new ArrayList<>(fields.length);
        for (int f = 0; f < fields.length; f++) {
            parts.add(hashPart(valueOf(item, f)));
        }
        return parts;
    }

    private static Object hashPart(JsonNode value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros();
        }
        return value.isTextual() ? value.textValue() : value;
    }

    private JsonNode valueOf(JsonNode item, int f) {
        JsonNode value = item.get(fields[f]);
        return Scalars.isAbsent(value) ? defaults[f] : value;
    }

    @Override
    public String toString() {
        return Arrays.toString(fields);
    }
}
