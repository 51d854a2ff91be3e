package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.gitops4j.model.ResourceKey;

/**
 * A resolved resource: its key as the cluster stores it, and the REST type that serves it.
 *
 * @param key the key, with the namespace defaulted for namespaced kinds and empty for cluster-scoped ones
 * @param type the REST type
 */
public record Address(ResourceKey key, ApiResource type) {

    /** Validates the components. */
    public Address {
        requireNonNull(key, "key is null");
        requireNonNull(type, "type is null");
    }

    /**
     * Returns the collection this object lives in, at a version.
     *
     * @param client the client
     * @param version the API version to speak, e.g. {@code v1}
     * @return the namespaced or cluster-scoped collection
     */
    public NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> collection(KubernetesClient client, String version) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
                all = client.genericKubernetesResources(type.context(version));
        return type.namespaced() ? all.inNamespace(key.namespace()) : all;
    }

    /**
     * Names the collection this object lives in: group, kind and namespace ({@code ""} when cluster-scoped).
     *
     * @return {@code group/kind/namespace}
     */
    public String collectionId() {
        return collectionId(key);
    }

    /**
     * Names the collection of a resolved key, as {@link #collectionId()} does for its address.
     *
     * @param resolved a key as resolved to an address (its group and kind are the served type's)
     * @return {@code group/kind/namespace}
     */
    public static String collectionId(ResourceKey resolved) {
        return resolved.group() + "/" + resolved.kind() + "/" + resolved.namespace();
    }

    /**
     * Returns this object at the type's preferred version.
     *
     * @param client the client
     * @return the fabric8 handle of the object
     */
    public Resource<GenericKubernetesResource> object(KubernetesClient client) {
        return collection(client, type.version()).withName(key.name());
    }
}
