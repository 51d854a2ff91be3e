package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * How a list field merges in strategic merge patches and server-side apply: by merge key, as a set of scalars,
 * or atomically (replaced whole).
 *
 * <p>Merge keys follow the Kubernetes API documentation for the common built-in list fields; custom resources
 * get atomic lists (except the metadata lists every object shares).
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

    private static final Map<String, String> BUILTIN_KEYS = Map.ofEntries(
            Map.entry("containers", "name"),
            Map.entry("initContainers", "name"),
            Map.entry("ephemeralContainers", "name"),
            Map.entry("env", "name"),
            Map.entry("volumes", "name"),
            Map.entry("volumeMounts", "mountPath"),
            Map.entry("volumeDevices", "devicePath"),
            Map.entry("imagePullSecrets", "name"),
            Map.entry("hostAliases", "ip"),
            Map.entry("conditions", "type"));

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
        if (field.equals("ports")) {
            boolean containerPorts = items.stream().anyMatch(i -> i.has("containerPort"));
            return keyed(List.of(containerPorts ? "containerPort" : "port"), items);
        }
        String key = BUILTIN_KEYS.get(field);
        return key == null ? ATOMIC : keyed(List.of(key), items);
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
