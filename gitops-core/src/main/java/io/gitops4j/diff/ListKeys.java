package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.kinds.BuiltinFields;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Chooses how the items of a list are matched, by the list's field name and its items.
 *
 * <p>The keys of built-in list fields come from {@link BuiltinFields#listKeys(String)}: {@code containers},
 * {@code initContainers}, {@code ephemeralContainers}, {@code volumes}, {@code env}, {@code imagePullSecrets},
 * {@code resourceClaims}, {@code schedulingGates} by {@code name}; {@code volumeMounts} by {@code mountPath};
 * {@code volumeDevices} by {@code devicePath}; {@code ports} by {@code containerPort} + {@code protocol} when items
 * have a {@code containerPort}, else by {@code port} + {@code protocol} (protocol defaults to {@code TCP});
 * {@code hostAliases} by {@code ip}; {@code topologySpreadConstraints} by {@code topologyKey} +
 * {@code whenUnsatisfiable}; {@code readinessGates} by {@code conditionType}; {@code conditions} by {@code type}.
 * The lists of {@link BuiltinFields#atomicLists()} ({@code tolerations}, {@code envFrom}, {@code args},
 * {@code command}) are matched by index. Any other list of objects that each have a {@code name}, unique in
 * desired, is matched by {@code name}. A key applies only when every desired item has it; live items without it
 * match nothing (and are left alone). Immutable.
 */
final class ListKeys {
    private static final ListKey NAME = ListKey.of("name");
    private static final Set<String> BY_INDEX = BuiltinFields.atomicLists();

    /* field name -> candidate keys, the first that applies to the desired items wins */
    private final Map<String, ListKey[]> known;

    private ListKeys(Map<String, ListKey[]> known) {
        this.known = Map.copyOf(known);
    }

    /** The built-in Kubernetes keys, plus extra keys by list field name (which win over built-ins). */
    static ListKeys kubernetes(Map<String, ListKey> extra) {
        Map<String, ListKey[]> map = new HashMap<>();
        BuiltinFields.listKeys().forEach((field, keys) -> map.put(field,
                keys.stream().map(ListKey::of).toArray(ListKey[]::new)));
        extra.forEach((field, key) -> map.put(field, new ListKey[] {key}));
        return new ListKeys(map);
    }

    /**
     * Returns the key to match the items of a desired and a live list by, or {@code null} to match by index.
     * Only desired decides; {@code live} is there for keys that may come to depend on both.
     *
     * @param field the list's field name, or {@code null} for a list inside a list
     */
    ListKey select(String field, JsonNode desired, JsonNode live) {
        if (desired.isEmpty() || (field != null && BY_INDEX.contains(field))) {
            return null;
        }
        ListKey[] candidates = field == null ? null : known.get(field);
        if (candidates != null) {
            for (ListKey key : candidates) {
                if (key.appliesTo(desired)) {
                    return key;
                }
            }
            return null;
        }
        return NAME.appliesTo(desired) && NAME.isUnique(desired) ? NAME : null;
    }
}
