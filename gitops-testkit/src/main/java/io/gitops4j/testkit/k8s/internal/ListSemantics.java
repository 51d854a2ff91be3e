package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kinds.BuiltinFields;
import io.gitops4j.kinds.ListItemKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        List<MergeKey> candidates = MERGED_BY_SERVER.getOrDefault(field, List.of());
        if (candidates.isEmpty()) {
            return ATOMIC;
        }
        MergeKey chosen = candidates.get(candidates.size() - 1);
        for (MergeKey candidate : candidates) {
            if (anyHas(items, candidate.primaryField())) {
                chosen = candidate;
                break;
            }
        }
        return keyed(chosen.keys(), items);
    }

    /*
     * A key the server merges a list by, with the key fields the real server would default (a port's protocol) left
     * out: this server does not default them, and leaving them in would make every item without one unkeyed.
     */
    private record MergeKey(String primaryField, List<String> keys) {
        static MergeKey of(ListItemKey key) {
            return new MergeKey(key.primaryField(),
                    key.keyFields().stream().filter(f -> !key.defaults().containsKey(f)).toList());
        }
    }

    /* The keys of BuiltinFields merged by the server, by list field name, worked out once. */
    private static final Map<String, List<MergeKey>> MERGED_BY_SERVER = mergedByServer();

    private static Map<String, List<MergeKey>> mergedByServer() {
        Map<String, List<MergeKey>> keys = new HashMap<>();
        BuiltinFields.listKeys().forEach((field, candidates) -> keys.put(field, candidates.stream()
                .filter(ListItemKey::mergedByServer).map(MergeKey::of).toList()));
        return Map.copyOf(keys);
    }

    private static boolean anyHas(List<JsonNode> items, String field) {
        for (JsonNode item : items) {
            if (item.has(field)) {
                return true;
            }
        }
        return false;
    }

    private static ListSemantics keyed(List<String> keys, List<JsonNode> items) {
        for (JsonNode item : items) {
            if (!item.isObject()) {
                return ATOMIC;
            }
            for (String key : keys) {
                if (!item.has(key)) {
                    return ATOMIC;
                }
            }
        }
        return new ListSemantics(Kind.KEYED, keys);
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
