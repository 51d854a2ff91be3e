package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kinds.BuiltinFields;
import io.gitops4j.kinds.ListItemKey;
import java.util.List;

/**
 * How a list field merges in strategic merge patches and server-side apply: by merge key, as a set of scalars,
 * or atomically (replaced whole).
 *
 * <p>Merge keys of built-in kinds are those {@link BuiltinFields#listKeys(String)} says the server merges by
 * (without key fields the real server would default, since this one does not default them); custom resources get
 * atomic lists (except the metadata lists every object shares).
 *
 * @param kind the merge strategy
 * @param keys the merge key field names (empty unless {@code kind} is {@link Kind#KEYED})
 */
public record ListSemantics(Kind kind, List<String> keys) {

    /** Merge strategies. */
    public enum Kind {
        /** Items are objects identified by their merge key fields. */
        KEYED,
        /** Items are scalars merged as a set. */
        SET,
        /** The list is replaced whole. */
        ATOMIC
    }

    private static final ListSemantics ATOMIC = new ListSemantics(Kind.ATOMIC, List.of());
    private static final ListSemantics SET = new ListSemantics(Kind.SET, List.of());

    /** Copies the keys. */
    public ListSemantics {
        keys = List.copyOf(keys);
    }

    /**
     * The semantics of the list {@code field} whose parent object sits at {@code parentPath}.
     *
     * @param builtin whether the object is of a built-in kind (custom kinds get atomic lists)
     * @param parentPath field names from the root to the object holding the list
     * @param field the list field name
     * @param items the list values seen (from the patch or the live object), used to pick the ports key
     */
    public static ListSemantics of(boolean builtin, List<String> parentPath, String field, List<JsonNode> items) {
        if (parentPath.equals(List.of("metadata"))) {
            if (field.equals("finalizers")) {
                return SET;
            }
            if (field.equals("ownerReferences")) {
                return keyed(List.of("uid"), items);
            }
            return ATOMIC;
        }
        if (!builtin) {
            return ATOMIC;
        }
        List<ListItemKey> candidates = BuiltinFields.listKeys(field).stream()
                .filter(ListItemKey::mergedByServer).toList();
        if (candidates.isEmpty()) {
            return ATOMIC;
        }
        ListItemKey chosen = candidates.stream()
                .filter(k -> items.stream().anyMatch(i -> i.has(k.primaryField())))
                .findFirst().orElse(candidates.get(candidates.size() - 1));
        return keyed(withoutDefaulted(chosen), items);
    }

    /* This server does not default fields, so a key field the real one would default (a port's protocol) is left
       out of the key rather than making every item without it unkeyed. */
    private static List<String> withoutDefaulted(ListItemKey key) {
        return key.keyFields().stream().filter(f -> !key.defaults().containsKey(f)).toList();
    }

    private static ListSemantics keyed(List<String> keys, List<JsonNode> items) {
        boolean allKeyed = items.stream().allMatch(i -> i.isObject() && keys.stream().allMatch(i::has));
        return allKeyed ? new ListSemantics(Kind.KEYED, keys) : ATOMIC;
    }

    /** The merge key value of an item: an object holding only the key fields. */
    public ObjectNode keyOf(JsonNode item) {
        ObjectNode key = Json.object();
        for (String field : keys) {
            key.set(field, item.get(field));
        }
        return key;
    }
}
