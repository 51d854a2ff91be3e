package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync option {@code Replace=true}: stores the declared object whole with {@code PUT} at the live
 * resourceVersion (fields it does not declare are gone afterwards, whoever set them), or creates it with
 * {@code POST} when it is missing, like {@code kubectl replace}/{@code create}. Thread-safe.
 */
public final class Replacement {
    private static final Logger LOG = LoggerFactory.getLogger(Replacement.class);

    private final KubernetesClient client;
    private final ResourceTypes types;
    private final ObjectMapping mapping;

    /**
     * Creates the replacer.
     *
     * @param client the client
     * @param types resolves keys
     * @param mapping converts objects
     */
    public Replacement(KubernetesClient client, ResourceTypes types, ObjectMapping mapping) {
        this.client = requireNonNull(client, "client is null");
        this.types = requireNonNull(types, "types is null");
        this.mapping = requireNonNull(mapping, "mapping is null");
    }

    /**
     * Replaces (or creates) one object.
     *
     * @param resource the desired resource
     * @param options dry run and validation
     * @return created, configured or unchanged (by resourceVersion), with the object as the server returned it
     * @throws io.gitops4j.TargetException on any failure, an {@link io.gitops4j.ImmutableFieldException} when the
     *     replacement changes an immutable field
     */
    public ApplyResult replace(io.gitops4j.model.Resource resource, ApplyOptions options) {
        Address address = types.resolve(resource.key(), resource.provenance());
        io.gitops4j.model.Resource placed = resource.withNamespace(address.key().namespace());
        NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
                Resource<GenericKubernetesResource>> collection = address.collection(client, placed.version());
        try {
            GenericKubernetesResource before = collection.withName(address.key().name()).get();
            GenericKubernetesResource body = mapping.toGeneric(ServerSideApply.applied(placed));
            GenericKubernetesResource after;
            ApplyOutcome outcome;
            if (before == null) {
                after = FieldValidations.of(collection.resource(body).dryRun(options.dryRun()), options).create();
                outcome = ApplyOutcome.CREATED;
            } else {
                body.getMetadata().setResourceVersion(before.getMetadata().getResourceVersion());
                after = FieldValidations.of(collection.resource(body).dryRun(options.dryRun()), options).update();
                outcome = !options.dryRun() && Objects.equals(before.getMetadata().getResourceVersion(),
                        after.getMetadata().getResourceVersion()) ? ApplyOutcome.UNCHANGED : ApplyOutcome.CONFIGURED;
            }
            LOG.debug("replaced {}: {}{}", address.key(), outcome, options.dryRun() ? " (dry run)" : "");
            ObjectNode live = ObjectMapping.withoutManagedFields(mapping.toTree(after));
            return new ApplyResult(address.key(), outcome, io.gitops4j.model.Resource.of(live));
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, address.key(), options.dryRun() ? "replace (dry run)" : "replace");
        }
    }
}
