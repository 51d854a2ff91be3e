package io.gitops4j.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.TargetException;

/** Tells a write that failed because the inventory namespace is missing from other failures. */
final class InventoryNamespace {

    private InventoryNamespace() {
    }

    /**
     * Returns the exception to throw for a failed create in the inventory namespace: a {@link TargetException}
     * that names the namespace and what to do when it does not exist, else the failure itself.
     */
    static RuntimeException missingOr(KubernetesClient client, String namespace, KubernetesClientException e) {
        if (e.getCode() != 404 || exists(client, namespace)) {
            return e;
        }
        return new TargetException(null, "the inventory namespace " + namespace + " does not exist, so gitops4j "
                + "cannot store what it applied and ran there; create it (kubectl create namespace " + namespace
                + ") or set another with KubernetesTarget.Builder.inventoryNamespace(...) (--inventory-namespace in "
                + "the command-line tool)", e);
    }

    private static boolean exists(KubernetesClient client, String namespace) {
        try {
            return client.namespaces().withName(namespace).get() != null;
        } catch (KubernetesClientException e) {
            return true;
        }
    }
}
