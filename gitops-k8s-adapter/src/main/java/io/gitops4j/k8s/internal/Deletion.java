package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.KindRole;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteOutcome;
import io.gitops4j.target.DeleteResult;
import io.gitops4j.target.PropagationPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes one object with the requested propagation, never deleting an object whose annotations protect it from
 * pruning ({@link WellKnownMetadata#pruneDisabledBy}: {@code gitops4j.io/prune: disabled} or the Flux and Argo CD
 * equivalents, read as the engine reads them). Thread-safe.
 */
public final class Deletion {
    private static final Logger LOG = LoggerFactory.getLogger(Deletion.class);

    private final KubernetesClient client;
    private final ResourceTypes types;

    /**
     * Creates the deleter.
     *
     * @param client the client
     * @param types resolves keys
     */
    public Deletion(KubernetesClient client, ResourceTypes types) {
        this.client = requireNonNull(client, "client is null");
        this.types = requireNonNull(types, "types is null");
    }

    /**
     * Deletes an object.
     *
     * @param key the object
     * @param options dry run and propagation
     * @return {@link DeleteOutcome#DELETED}, or {@link DeleteOutcome#NOT_FOUND} when it does not exist or is
     *     protected by {@code gitops4j.io/prune: disabled} (nothing is deleted then)
     * @throws io.gitops4j.TargetException when the server refuses or fails the deletion
     */
    public DeleteResult delete(ResourceKey key, DeleteOptions options) {
        Optional<Address> resolved = types.resolveIfServed(key);
        if (resolved.isEmpty()) {
            return new DeleteResult(key, DeleteOutcome.NOT_FOUND);
        }
        Address address = resolved.get();
        Resource<GenericKubernetesResource> object = address.object(client);
        try {
            GenericKubernetesResource current = object.get();
            if (current == null) {
                return new DeleteResult(address.key(), DeleteOutcome.NOT_FOUND);
            }
            Optional<String> protectedBy = protectedBy(current);
            if (protectedBy.isPresent()) {
                LOG.info("not deleting {}: it is annotated {}", address.key(), protectedBy.get());
                return new DeleteResult(address.key(), DeleteOutcome.NOT_FOUND);
            }
            List<StatusDetails> deleted = object.dryRun(options.dryRun())
                    .withPropagationPolicy(propagation(options.propagation()))
                    .delete();
            if (BuiltinKinds.roleOf(address.key().group(), address.key().kind()) == KindRole.DEFINITION
                    && !options.dryRun()) {
                types.discovery().invalidate();
            }
            return new DeleteResult(address.key(), deleted.isEmpty() ? DeleteOutcome.NOT_FOUND : DeleteOutcome.DELETED);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return new DeleteResult(address.key(), DeleteOutcome.NOT_FOUND);
            }
            throw ApiErrors.translate(e, address.key(), options.dryRun() ? "delete (dry run)" : "delete");
        }
    }

    private static Optional<String> protectedBy(GenericKubernetesResource object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? Optional.empty() : WellKnownMetadata.pruneDisabledBy(annotations);
    }

    private static DeletionPropagation propagation(PropagationPolicy policy) {
        switch (policy) {
            case FOREGROUND:
                return DeletionPropagation.FOREGROUND;
            case ORPHAN:
                return DeletionPropagation.ORPHAN;
            default:
                return DeletionPropagation.BACKGROUND;
        }
    }
}
