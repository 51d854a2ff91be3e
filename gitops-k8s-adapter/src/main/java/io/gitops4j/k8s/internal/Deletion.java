package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
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
 * Deletes one object with the requested propagation, never deleting an object annotated
 * {@code gitops4j.io/prune: disabled}. Thread-safe.
 */
public final class Deletion {
    /** The annotation that protects an object from deletion. */
    public static final String PRUNE_ANNOTATION = "gitops4j.io/prune";
    /** The value of {@link #PRUNE_ANNOTATION} that protects an object. */
    public static final String PRUNE_DISABLED = "disabled";

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
     * @throws io.gitops4j.target.TargetException when the server refuses or fails the deletion
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
            if (isProtected(current)) {
                LOG.info("not deleting {}: it is annotated {}: {}", address.key(), PRUNE_ANNOTATION, PRUNE_DISABLED);
                return new DeleteResult(address.key(), DeleteOutcome.NOT_FOUND);
            }
            List<StatusDetails> deleted = object.dryRun(options.dryRun())
                    .withPropagationPolicy(propagation(options.propagation()))
                    .delete();
            if (address.key().group().equals("apiextensions.k8s.io") && !options.dryRun()) {
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

    private static boolean isProtected(GenericKubernetesResource object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations != null && PRUNE_DISABLED.equals(annotations.get(PRUNE_ANNOTATION));
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
