package io.gitops4j.testkit;

import io.gitops4j.model.ResourceKey;
import java.util.HashSet;
import java.util.Set;

/** Which kinds the in-memory target treats as cluster-scoped, as {@code group/Kind}. Not thread-safe. */
final class ClusterScope {
    private final Set<String> kinds = new HashSet<>(Set.of("/Namespace", "/Node", "/PersistentVolume",
            "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
            "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
            "storage.k8s.io/StorageClass", "scheduling.k8s.io/PriorityClass", "networking.k8s.io/IngressClass",
            "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
            "admissionregistration.k8s.io/MutatingWebhookConfiguration"));

    void add(String group, String kind) {
        kinds.add(group + "/" + kind);
    }

    boolean contains(ResourceKey key) {
        return kinds.contains(key.group() + "/" + key.kind());
    }
}
