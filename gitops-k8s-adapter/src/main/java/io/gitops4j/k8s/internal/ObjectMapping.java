package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.gitops4j.TargetException;

/**
 * Converts between the project's JSON trees and fabric8's {@link GenericKubernetesResource}, through the
 * client's own serialization so that every field survives the round trip. Thread-safe.
 */
public final class ObjectMapping {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesSerialization serialization;

    /**
     * Creates a mapping.
     *
     * @param serialization the client's serialization
     */
    public ObjectMapping(KubernetesSerialization serialization) {
        this.serialization = requireNonNull(serialization, "serialization is null");
    }

    /**
     * Converts a tree to a generic resource.
     *
     * @param tree a Kubernetes object
     * @return the generic resource
     */
    public GenericKubernetesResource toGeneric(JsonNode tree) {
        try {
            return serialization.unmarshal(JSON.writeValueAsString(tree), GenericKubernetesResource.class);
        } catch (JsonProcessingException e) {
            throw new TargetException(null, "cannot convert a Kubernetes object to the fabric8 client's model ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Converts a generic resource to a tree.
     *
     * @param resource the resource
     * @return a new, mutable tree
     */
    public ObjectNode toTree(GenericKubernetesResource resource) {
        try {
            return (ObjectNode) JSON.readTree(serialization.asJson(resource));
        } catch (JsonProcessingException e) {
            throw new TargetException(null, "cannot convert a Kubernetes object from the fabric8 client's model ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Removes {@code metadata.managedFields} from a tree.
     *
     * @param tree a Kubernetes object, changed in place
     * @return the same tree
     */
    public static ObjectNode withoutManagedFields(ObjectNode tree) {
        JsonNode metadata = tree.get("metadata");
        if (metadata instanceof ObjectNode object) {
            object.remove("managedFields");
        }
        return tree;
    }
}
