package io.gitops4j.plan;

import io.gitops4j.model.ResourceKey;
import java.util.Map;

/**
 * The apply priority of kinds within one wave, lowest first: Namespace; CustomResourceDefinition;
 * ServiceAccount and RBAC; ConfigMap, Secret and storage; Service; workloads; everything else (custom resources,
 * Ingresses, autoscalers). Kinds are matched by group and kind, so a custom {@code Service} in another group is
 * "everything else". Stateless.
 */
final class KindOrder {
    static final int NAMESPACE = 0;
    static final int CUSTOM_RESOURCE_DEFINITION = 1;
    static final int OTHER = 100;

    /* group -> kind -> rank; two lookups, no string built per key. */
    private static final Map<String, Map<String, Integer>> RANKS = Map.of(
            "", Map.ofEntries(
                    Map.entry("Namespace", NAMESPACE),
                    Map.entry("ServiceAccount", 10),
                    Map.entry("ConfigMap", 20),
                    Map.entry("Secret", 21),
                    Map.entry("PersistentVolume", 23),
                    Map.entry("PersistentVolumeClaim", 24),
                    Map.entry("Service", 30),
                    Map.entry("Pod", 40),
                    Map.entry("ReplicationController", 41)),
            "apiextensions.k8s.io", Map.of("CustomResourceDefinition", CUSTOM_RESOURCE_DEFINITION),
            "rbac.authorization.k8s.io", Map.of("ClusterRole", 11, "Role", 12, "ClusterRoleBinding", 13,
                    "RoleBinding", 14),
            "storage.k8s.io", Map.of("StorageClass", 22),
            "apps", Map.of("ReplicaSet", 42, "Deployment", 43, "StatefulSet", 44, "DaemonSet", 45),
            "batch", Map.of("Job", 46, "CronJob", 47));

    private KindOrder() {
    }

    static int rank(ResourceKey key) {
        Map<String, Integer> kinds = RANKS.get(key.group());
        Integer rank = kinds == null ? null : kinds.get(key.kind());
        return rank == null ? OTHER : rank;
    }

    /**
     * Returns how late a deletion must come regardless of wave: 0 for ordinary objects, 1 for CRDs (after their
     * custom resources), 2 for Namespaces (after everything inside them).
     */
    static int containerTier(int rank) {
        if (rank == NAMESPACE) {
            return 2;
        }
        return rank == CUSTOM_RESOURCE_DEFINITION ? 1 : 0;
    }
}
