package io.gitops4j.plan;

import io.gitops4j.model.ResourceKey;

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
    private static final String RBAC = "rbac.authorization.k8s.io";

    private KindOrder() {
    }

    /* One string switch on the kind (its hash is cached), then the group: no map probes per key. */
    static int rank(ResourceKey key) {
        String group = key.group();
        switch (key.kind()) {
            case "Namespace":
                return core(group, NAMESPACE);
            case "CustomResourceDefinition":
                return in(group, "apiextensions.k8s.io", CUSTOM_RESOURCE_DEFINITION);
            case "ServiceAccount":
                return core(group, 10);
            case "ClusterRole":
                return in(group, RBAC, 11);
            case "Role":
                return in(group, RBAC, 12);
            case "ClusterRoleBinding":
                return in(group, RBAC, 13);
            case "RoleBinding":
                return in(group, RBAC, 14);
            case "ConfigMap":
                return core(group, 20);
            case "Secret":
                return core(group, 21);
            case "StorageClass":
                return in(group, "storage.k8s.io", 22);
            case "PersistentVolume":
                return core(group, 23);
            case "PersistentVolumeClaim":
                return core(group, 24);
            case "Service":
                return core(group, 30);
            case "Pod":
                return core(group, 40);
            case "ReplicationController":
                return core(group, 41);
            case "ReplicaSet":
                return in(group, "apps", 42);
            case "Deployment":
                return in(group, "apps", 43);
            case "StatefulSet":
                return in(group, "apps", 44);
            case "DaemonSet":
                return in(group, "apps", 45);
            case "Job":
                return in(group, "batch", 46);
            case "CronJob":
                return in(group, "batch", 47);
            default:
                return OTHER;
        }
    }

    private static int core(String group, int rank) {
        return group.isEmpty() ? rank : OTHER;
    }

    private static int in(String group, String expected, int rank) {
        return group.equals(expected) ? rank : OTHER;
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
