package io.gitops4j.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Kubernetes says about fields of built-in objects, for every reader that compares, merges or strips them:
 * which fields the API server populates (never drift, never declared), how the items of list fields are
 * identified, which lists are replaced whole, and where resource quantities live. Field names are matched
 * wherever they appear in an object (a {@code containers} list is keyed by {@code name} in a Pod, a Deployment's
 * template or a custom resource that embeds a pod template). Immutable and thread-safe.
 */
public final class BuiltinFields {
    private static final Set<String> SERVER_TOP_LEVEL = Set.of("status");
    private static final Set<String> SERVER_METADATA = Set.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");
    private static final Set<String> SERVER_ANNOTATIONS = Set.of(WellKnownMetadata.KUBECTL_LAST_APPLIED_CONFIGURATION,
            WellKnownMetadata.DEPLOYMENT_REVISION);
    private static final Set<String> ATOMIC_LISTS = Set.of("tolerations", "envFrom", "args", "command");
    private static final Map<String, List<ListItemKey>> LIST_KEYS = buildListKeys();
    private static final List<List<String>> QUANTITIES = List.of(
            List.of("sizeLimit"),
            List.of("resources", "limits", "*"),
            List.of("resources", "requests", "*"),
            List.of("spec", "hard", "*"),
            List.of("spec", "overhead", "*"),
            List.of("limits", "[]", "max", "*"),
            List.of("limits", "[]", "min", "*"),
            List.of("limits", "[]", "default", "*"),
            List.of("limits", "[]", "defaultRequest", "*"),
            List.of("limits", "[]", "maxLimitRequestRatio", "*"));

    private BuiltinFields() {
    }

    /**
     * Returns the top-level fields only the API server writes.
     *
     * @return {@code [status]}
     */
    public static Set<String> serverPopulatedTopLevelFields() {
        return SERVER_TOP_LEVEL;
    }

    /**
     * Returns the {@code metadata} fields only the API server writes.
     *
     * @return {@code uid}, {@code resourceVersion}, {@code generation}, {@code creationTimestamp},
     *     {@code managedFields}, {@code selfLink}, {@code deletionTimestamp} and {@code deletionGracePeriodSeconds}
     */
    public static Set<String> serverPopulatedMetadataFields() {
        return SERVER_METADATA;
    }

    /**
     * Returns the annotations that tools and controllers write on live objects and that are never declared.
     *
     * @return {@link WellKnownMetadata#KUBECTL_LAST_APPLIED_CONFIGURATION} and
     *     {@link WellKnownMetadata#DEPLOYMENT_REVISION}
     */
    public static Set<String> serverPopulatedAnnotations() {
        return SERVER_ANNOTATIONS;
    }

    /**
     * Returns the keys that may identify the items of a list field, in the order to try them: the first whose
     * primary field every item has applies.
     *
     * @param field the list's field name
     * @return the candidate keys; empty when Kubernetes gives the list no key (then it is matched by position or
     *     replaced whole). Only {@code ports} has two: {@code containerPort} + {@code protocol} (a container's
     *     ports), then {@code port} + {@code protocol} (a Service's)
     */
    public static List<ListItemKey> listKeys(String field) {
        return LIST_KEYS.getOrDefault(field, List.of());
    }

    /**
     * Returns every list key, grouped by field name.
     *
     * @return list field name to its candidate keys
     */
    public static Map<String, List<ListItemKey>> listKeys() {
        return LIST_KEYS;
    }

    /**
     * Returns the list fields the API server replaces whole and whose items are matched by position even when they
     * carry a {@code name}.
     *
     * @return {@code tolerations}, {@code envFrom}, {@code args} and {@code command}
     */
    public static Set<String> atomicLists() {
        return ATOMIC_LISTS;
    }

    /**
     * Returns where resource quantities live, as path patterns that match the end of a field's path: {@code *} is
     * any field name and {@code []} any list index. The patterns: any field named {@code sizeLimit} (emptyDir);
     * any key of {@code limits} or {@code requests} inside {@code resources} (containers, PVCs, pod-level
     * resources); any key of {@code spec.hard} (ResourceQuota) and {@code spec.overhead} (Pod, RuntimeClass); the
     * keys of {@code max}, {@code min}, {@code default}, {@code defaultRequest} and {@code maxLimitRequestRatio} in
     * the items of a list named {@code limits} (LimitRange).
     *
     * @return the patterns, each a list of path segments from the outermost to the field itself
     */
    public static List<List<String>> quantityPaths() {
        return QUANTITIES;
    }

    private static Map<String, List<ListItemKey>> buildListKeys() {
        List<ListItemKey> keys = new ArrayList<>();
        for (String field : List.of("containers", "initContainers", "ephemeralContainers", "volumes", "env",
                "imagePullSecrets", "resourceClaims", "schedulingGates")) {
            keys.add(merged(field, "name"));
        }
        keys.add(merged("volumeMounts", "mountPath"));
        keys.add(merged("volumeDevices", "devicePath"));
        keys.add(merged("hostAliases", "ip"));
        keys.add(merged("topologySpreadConstraints", "topologyKey", "whenUnsatisfiable"));
        keys.add(merged("conditions", "type"));
        keys.add(new ListItemKey("readinessGates", List.of("conditionType"), Map.of(), false));
        keys.add(new ListItemKey("ports", List.of("containerPort", "protocol"), Map.of("protocol", "TCP"), true));
        keys.add(new ListItemKey("ports", List.of("port", "protocol"), Map.of("protocol", "TCP"), true));
        Map<String, List<ListItemKey>> byField = new LinkedHashMap<>();
        for (ListItemKey key : keys) {
            byField.computeIfAbsent(key.field(), f -> new ArrayList<>()).add(key);
        }
        Map<String, List<ListItemKey>> frozen = new LinkedHashMap<>();
        byField.forEach((field, candidates) -> frozen.put(field, List.copyOf(candidates)));
        return Map.copyOf(frozen);
    }

    private static ListItemKey merged(String field, String... keyFields) {
        return new ListItemKey(field, List.of(keyFields), Map.of(), true);
    }
}
