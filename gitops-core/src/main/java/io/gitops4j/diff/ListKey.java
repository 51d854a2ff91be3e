package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;

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

    /** A key of a primary field and a {@code protocol} that defaults to {@code TCP}. */
    static ListKey withProtocol(String field) {
        return new ListKey(new String[] {field, "protocol"}, new JsonNode[] {null, TextNode.valueOf("TCP")});
    }

    /** Tells whether every item is an object that has the primary key field. */
    boolean appliesTo(JsonNode list) {
        for (int i = 0, n = list.size(); i < n; i++) {
            JsonNode item = list.get(i);
            if (!item.isObject() || Scalars.isAbsent(item.get(fields[0]))) {
                return false;
            }
        }
        return true;
    }

    /** Tells whether no two items share a key. */
    boolean isUnique(JsonNode list) {
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

    boolean same(JsonNode a, JsonNode b) {
        for (int f = 0; f < fields.length; f++) {
            JsonNode x = valueOf(a, f);
            JsonNode y = valueOf(b, f);
            if (x == null || y == null ? x != y : !Scalars.equal(x, y)) {
                return false;
            }
        }
        return true;
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
