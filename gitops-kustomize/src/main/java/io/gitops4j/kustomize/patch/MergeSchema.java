package io.gitops4j.kustomize.patch;

import io.gitops4j.kinds.BuiltinFields;
import io.gitops4j.kinds.ListItemKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Kustomize's strategic merge knows of a built-in kind's fields: for each list, whether it merges by a key, as a
 * set of primitives, or is replaced, following the Kubernetes OpenAPI {@code x-kubernetes-patch-merge-key} and
 * {@code x-kubernetes-list-map-keys}. A position in an object is a named type; unknown types and custom resources
 * have no schema, so every list in them is replaced, as Kustomize does without a schema.
 */
final class MergeSchema {
    /** The schema of a position that Kustomize knows nothing about. */
    static final MergeSchema NONE = new MergeSchema("", Map.of());

    private static final Set<String> BUILTIN_GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy",
            "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "apiextensions.k8s.io",
            "admissionregistration.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "node.k8s.io",
            "discovery.k8s.io", "certificates.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io",
            "apiregistration.k8s.io", "resource.k8s.io");
    private static final Set<String> POD_TEMPLATE_WORKLOADS = Set.of("Deployment", "ReplicaSet", "DaemonSet",
            "StatefulSet", "ReplicationController", "Job");

    /** Field to the list rule or nested type; types refer to each other by name. */
    private static final Map<String, Map<String, Field>> TYPES = Map.ofEntries(
            Map.entry("ObjectMeta", Map.of("finalizers", Field.set(), "ownerReferences", Field.keyed("uid", ""))),
            Map.entry("Pod", Map.of("metadata", Field.type("ObjectMeta"), "spec", Field.type("PodSpec"))),
            Map.entry("PodTemplateSpec", Map.of("metadata", Field.type("ObjectMeta"), "spec", Field.type("PodSpec"))),
            Map.entry("PodTemplate", Map.of("metadata", Field.type("ObjectMeta"),
                    "template", Field.type("PodTemplateSpec"))),
            Map.entry("Workload", Map.of("metadata", Field.type("ObjectMeta"), "spec", Field.type("WorkloadSpec"))),
            Map.entry("WorkloadSpec", Map.of("template", Field.type("PodTemplateSpec"))),
            Map.entry("CronJob", Map.of("metadata", Field.type("ObjectMeta"), "spec", Field.type("CronJobSpec"))),
            Map.entry("CronJobSpec", Map.of("jobTemplate", Field.type("Workload"))),
            Map.entry("Service", Map.of("metadata", Field.type("ObjectMeta"), "spec", Field.type("ServiceSpec"))),
            Map.entry("ServiceSpec", Map.of("ports", Field.keyed("port", ""))),
            Map.entry("ServiceAccount", Map.of("metadata", Field.type("ObjectMeta"),
                    "secrets", Field.keyed("name", ""), "imagePullSecrets", Field.keyed("name", ""))),
            Map.entry("Node", Map.of("metadata", Field.type("ObjectMeta"), "spec", Field.type("NodeSpec"))),
            Map.entry("NodeSpec", Map.of("podCIDRs", Field.set())),
            Map.entry("Object", Map.of("metadata", Field.type("ObjectMeta"))),
            Map.entry("PodSpec", Map.ofEntries(
                    Map.entry("containers", Field.keyed("name", "Container")),
                    Map.entry("initContainers", Field.keyed("name", "Container")),
                    Map.entry("ephemeralContainers", Field.keyed("name", "Container")),
                    Map.entry("volumes", Field.keyed("name", "")),
                    Map.entry("imagePullSecrets", Field.keyed("name", "")),
                    Map.entry("hostAliases", Field.keyed("ip", "")),
                    Map.entry("topologySpreadConstraints", Field.keyed("topologyKey", "")),
                    Map.entry("resourceClaims", Field.keyed("name", "")),
                    Map.entry("schedulingGates", Field.keyed("name", "")))),
            Map.entry("Container", Map.of(
                    "ports", Field.keyed("containerPort", ""),
                    "env", Field.keyed("name", ""),
                    "volumeMounts", Field.keyed("mountPath", ""),
                    "volumeDevices", Field.keyed("devicePath", ""))));

    private final String type;
    private final Map<String, Field> fields;

    private MergeSchema(String type, Map<String, Field> fields) {
        this.type = type;
        this.fields = fields;
    }

    /**
     * Returns the schema of a whole object.
     *
     * @param apiVersion the object's apiVersion
     * @param kind the object's kind
     * @return its schema; {@link #NONE} for custom resources
     */
    static MergeSchema forKind(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (!BUILTIN_GROUPS.contains(group)) {
            return NONE;
        }
        if (POD_TEMPLATE_WORKLOADS.contains(kind)) {
            return named("Workload");
        }
        return named(TYPES.containsKey(kind) && !kind.endsWith("Spec") ? kind : "Object");
    }

    private static MergeSchema named(String type) {
        return type.isEmpty() ? NONE : new MergeSchema(type, TYPES.getOrDefault(type, Map.of()));
    }

    /**
     * Returns the schema of a field's value (a map, or the items of a list).
     *
     * @param field the field name
     * @return the value's schema
     */
    MergeSchema child(String field) {
        Field f = fields.get(field);
        return f == null ? NONE : named(f.type());
    }

    /**
     * Returns how a list field merges.
     *
     * @param field the field name
     * @return the rule; {@link ListRule#REPLACE} when the schema says nothing
     */
    ListRule listRule(String field) {
        Field f = fields.get(field);
        return f == null ? ListRule.REPLACE : f.rule();
    }

    /**
     * Returns the key fields of a keyed list, the merge key first, as the core's built-in list keys know them.
     *
     * @param field the list's field name
     * @return the key fields; empty when the list is not keyed
     */
    List<String> keyFields(String field) {
        Field f = fields.get(field);
        if (f == null || f.rule() != ListRule.KEYED) {
            return List.of();
        }
        for (ListItemKey key : BuiltinFields.listKeys(field)) {
            if (key.primaryField().equals(f.mergeKey())) {
                return key.keyFields();
            }
        }
        return List.of(f.mergeKey());
    }

    @Override
    public String toString() {
        return type.isEmpty() ? "<no schema>" : type;
    }

    /** How a list merges. */
    enum ListRule {
        /** The patch's list replaces the target's. */
        REPLACE,
        /** Items merge by key. */
        KEYED,
        /** A list of primitives merged as a set. */
        SET
    }

    private record Field(String type, ListRule rule, String mergeKey) {
        static Field type(String type) {
            return new Field(type, ListRule.REPLACE, "");
        }

        static Field keyed(String mergeKey, String itemType) {
            return new Field(itemType, ListRule.KEYED, mergeKey);
        }

        static Field set() {
            return new Field("", ListRule.SET, "");
        }
    }
}
