package io.gitops4j.kinds;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * How the items of a built-in list field are identified: the fields whose values make an item's key (Kubernetes'
 * {@code patchMergeKey} and {@code listMapKeys}), with the values the API server fills in for key fields a
 * manifest leaves out (a port's {@code protocol} is {@code TCP}).
 *
 * @param field the list's field name, e.g. {@code containers}; the key applies to every list of that name
 * @param keyFields the key fields, the primary one first; an item without the primary field has no key
 * @param defaults the server's default value of key fields that may be left out, by field name
 * @param mergedByServer {@code true} when the API server merges the list by this key (strategic merge patch and
 *     server-side apply); {@code false} when the server replaces the list whole and the key only says which items
 *     are the same when two versions are compared
 */
public record ListItemKey(String field, List<String> keyFields, Map<String, String> defaults,
        boolean mergedByServer) {

    /** Validates and copies. */
    public ListItemKey {
        requireNonNull(field, "field is null");
        keyFields = List.copyOf(keyFields);
        defaults = Map.copyOf(defaults);
        if (keyFields.isEmpty()) {
            throw new IllegalArgumentException("a list key needs at least one field: " + field);
        }
        if (!keyFields.containsAll(defaults.keySet())) {
            throw new IllegalArgumentException("defaults of fields that are not key fields: " + defaults);
        }
    }

    /**
     * Returns the primary key field: an item identifies itself by it, the other key fields refine it.
     *
     * @return the first key field
     */
    public String primaryField() {
        return keyFields.get(0);
    }
}
