package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.kinds.BuiltinFields;
import io.gitops4j.model.Provenance;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates objects with POST (how hooks are created: the API server generates the name of an object that has only
 * {@code metadata.generateName}, which server-side apply cannot do), and lists objects of one kind by label.
 * Thread-safe.
 */
public final class Creation {
    private static final Logger LOG = LoggerFactory.getLogger(Creation.class);

    private final KubernetesClient client;
    private final ResourceTypes types;
    private final ObjectMapping mapping;

    /**
     * Creates the creator.
     *
     * @param client the client
     * @param types resolves keys
     * @param mapping converts objects
     */
    public Creation(KubernetesClient client, ResourceTypes types, ObjectMapping mapping) {
        this.client = requireNonNull(client, "client is null");
        this.types = requireNonNull(types, "types is null");
        this.mapping = requireNonNull(mapping, "mapping is null");
    }

    /**
     * Creates an object that must not exist yet.
     *
     * @param resource the object, named or with only {@code metadata.generateName}
     * @param options dry run
     * @return created, with the object as the server returned it (under its generated name), without managed fields
     * @throws io.gitops4j.TargetException when the server refuses the create (an object of that name exists, or
     *     the object is invalid), naming the resource
     */
    public ApplyResult create(Resource resource, ApplyOptions options) {
        Address address = types.resolve(resource.key(), resource.provenance());
        Resource placed = resource.withNamespace(address.key().namespace());
        ObjectNode body = placed.body();
        JsonNode metadata = body.get("metadata");
        if (metadata instanceof ObjectNode object) {
            object.remove(BuiltinFields.serverPopulatedMetadataFields());
        }
        try {
            GenericKubernetesResource made = address.collection(client, placed.version())
                    .resource(mapping.toGeneric(body)).dryRun(options.dryRun()).create();
            ObjectNode live = ObjectMapping.withoutManagedFields(mapping.toTree(made));
            Resource created = Resource.of(live);
            LOG.debug("created {}{}", created.key(), options.dryRun() ? " (dry run)" : "");
            return new ApplyResult(created.key(), ApplyOutcome.CREATED, created);
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, address.key(), options.dryRun() ? "create (dry run)" : "create");
        }
    }

    /**
     * Lists the objects of one kind in one namespace that carry all the labels.
     *
     * @param group the API group
     * @param kind the kind
     * @param namespace the namespace, {@code ""} for cluster-scoped kinds
     * @param labels the labels to select by
     * @return the objects, in key order, without managed fields; empty when the cluster serves no such kind
     * @throws io.gitops4j.TargetException when the list fails
     */
    public List<Resource> findLabelled(String group, String kind, String namespace, Map<String, String> labels) {
        ResourceKey scope = ResourceKey.of(group, kind, namespace, "*");
        Optional<Address> address = types.resolveIfServed(scope);
        if (address.isEmpty()) {
            return List.of();
        }
        try {
            List<Resource> found = new ArrayList<>();
            ApiResource type = address.get().type();
            for (GenericKubernetesResource item : address.get().collection(client, type.version())
                    .withLabels(labels).list().getItems()) {
                if (item.getApiVersion() == null) {
                    item.setApiVersion(type.apiVersion());
                    item.setKind(type.kind());
                }
                found.add(Resource.of(ObjectMapping.withoutManagedFields(mapping.toTree(item)), Provenance.UNKNOWN));
            }
            found.sort(Comparator.comparing(Resource::key));
            return found;
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, scope, "list by label");
        }
    }
}
