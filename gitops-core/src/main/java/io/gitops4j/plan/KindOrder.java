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

    private static final String RBAC = "rbac.authorization.k8s.io/";
    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("/Namespace", NAMESPACE),
            Map.entry("apiextensions.k8s.io/CustomResourceDefinition", CUSTOM_RESOURCE_DEFINITION),
            Map.entry("/ServiceAccount", 10),
            Map.entry(RBAC + "ClusterRole", 11),
            Map.entry(RBAC + "Role", 12),
            Map.entry(RBAC + "ClusterRoleBinding", 13),
            Map.entry(RBAC + "RoleBinding", 14),
            Map.entry("/ConfigMap", 20),
            Map.entry("/Secret", 21),
            Map.entry("storage.k8s.io/StorageClass", 22),
            Map.entry("/PersistentVolume", 23),
            Map.entry("/PersistentVolumeClaim", 24),
            Map.entry("/Service", 30),
            Map.entry("/Pod", 40),
            Map.entry("/ReplicationController", 41),
            Map.entry("apps/ReplicaSet", 42),
            Map.entry("apps/Deployment", 43),
            Map.entry("apps/StatefulSet", 44),
            Map.entry("apps/DaemonSet", 45),
            Map.entry("batch/Job", 46),
            Map.entry("batch/CronJob", 47));

    private KindOrder() {
    }

    static int rank(ResourceKey key) {
        return RANKS.getOrDefault(key.group() + "/" + key.kind(), OTHER);
    }

    /**
     * Returns how late a deletion must come regardless of wave: 0 for ordinary objects, 1 for CRDs (after their
     * custom resources), 2 for Namespaces (after everything inside them).
     */
    static int containerTier(ResourceKey key) {
        int rank = rank(key);
        if (rank == NAMESPACE) {
            return 2;
        }
        return rank == CUSTOM_RESOURCE_DEFINITION ? 1 : 0;
    }
}
