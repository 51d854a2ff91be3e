/**
 * A Kubernetes target for gitops4j on the fabric8 client: {@link io.gitops4j.k8s.KubernetesTarget} (server-side
 * apply under a field manager, discovery-based kind resolution, server dry run, pruning with propagation,
 * per-kind health) and {@link io.gitops4j.k8s.KubernetesInventoryStore} (one ConfigMap per application).
 * Implementation details live in {@code io.gitops4j.k8s.internal}; health rules in {@code io.gitops4j.k8s.health}.
 */
package io.gitops4j.k8s;
