package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.gitops4j.ConflictException;
import io.gitops4j.ImmutableFieldException;
import io.gitops4j.TargetException;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one object the way its {@link ApplyOptions} ask: server-side apply (taking over conflicting fields, the
 * default, Flux's {@code ssa: Override}); server-side apply that leaves conflicting fields to their other managers
 * ({@link ApplyOptions#merge()}, Flux's {@code ssa: Merge}: the conflicting fields are dropped from this apply and
 * keep the other managers' values); a replacement ({@link ApplyOptions#replace()}); and, when the server refuses a
 * change of an immutable field and {@link ApplyOptions#recreate()} is set, a delete (background propagation) that is
 * waited for (bounded) and a create. Thread-safe.
 */
public final class SyncApply {
    private static final Logger LOG = LoggerFactory.getLogger(SyncApply.class);

    private final KubernetesClient client;
    private final ResourceTypes types;
    private final ServerSideApply applier;
    private final ServerSideApply merging;
    private final Replacement replacement;
    private final Duration recreateTimeout;

    /**
     * Creates the writer.
     *
     * @param client the client
     * @param types resolves keys
     * @param applier the server-side apply of the target (forcing conflicts or not, as configured)
     * @param merging a server-side apply that never forces conflicts, for {@link ApplyOptions#merge()}
     * @param replacement the replacement for {@link ApplyOptions#replace()}
     * @param recreateTimeout how long to wait for a deleted object to be gone before creating it again
     */
    public SyncApply(KubernetesClient client, ResourceTypes types, ServerSideApply applier, ServerSideApply merging,
            Replacement replacement, Duration recreateTimeout) {
        this.client = requireNonNull(client, "client is null");
        this.types = requireNonNull(types, "types is null");
        this.applier = requireNonNull(applier, "applier is null");
        this.merging = requireNonNull(merging, "merging is null");
        this.replacement = requireNonNull(replacement, "replacement is null");
        this.recreateTimeout = requireNonNull(recreateTimeout, "recreateTimeout is null");
    }

    /**
     * Writes one object.
     *
     * @param resource the desired resource
     * @param options how to write it
     * @return what happened; {@link ApplyOutcome#RECREATED} after a delete and create
     * @throws ImmutableFieldException when an immutable field changes and recreating is off
     * @throws ConflictException when another manager owns conflicting fields, force is off and merging is off
     * @throws TargetException for every other failure
     */
    public ApplyResult apply(io.gitops4j.model.Resource resource, ApplyOptions options) {
        try {
            return write(resource, options);
        } catch (ImmutableFieldException e) {
            if (!options.recreate()) {
                throw e;
            }
            return recreate(resource, options, e);
        }
    }

    private ApplyResult write(io.gitops4j.model.Resource resource, ApplyOptions options) {
        if (options.replace()) {
            return replacement.replace(resource, options);
        }
        if (!options.merge()) {
            return applier.apply(resource, options);
        }
        ApplyOptions unforced = options.withForce(false);
        try {
            return merging.apply(resource, unforced);
        } catch (ConflictException e) {
            Optional<ObjectNode> without = ConflictingFields.without(resource.body(), e.fields());
            if (without.isEmpty()) {
                throw e;
            }
            LOG.info("{}: leaving {} to field manager {} (ssa: Merge)", resource.key(), e.fields(), e.owner());
            return merging.apply(io.gitops4j.model.Resource.of(without.get(), resource.provenance()), unforced);
        }
    }

    private ApplyResult recreate(io.gitops4j.model.Resource resource, ApplyOptions options,
            ImmutableFieldException cause) {
        Address address = types.resolve(resource.key(), resource.provenance());
        LOG.info("{}: {} cannot change in place; deleting and creating it again{}", address.key(), cause.fields(),
                options.dryRun() ? " (dry run: not done)" : "");
        if (options.dryRun()) {
            return new ApplyResult(address.key(), ApplyOutcome.RECREATED,
                    resource.withNamespace(address.key().namespace()));
        }
        Resource<GenericKubernetesResource> object = address.object(client);
        try {
            GenericKubernetesResource old = object.get();
            String uid = old == null ? null : old.getMetadata().getUid();
            object.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            awaitGone(object, uid, address);
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, address.key(), "delete before recreate");
        }
        ApplyResult created = write(resource, options);
        return new ApplyResult(created.key(), ApplyOutcome.RECREATED, created.live());
    }

    /** Waits until the object of that uid is gone (finalizers may keep it a while), polling with a growing pause. */
    private void awaitGone(Resource<GenericKubernetesResource> object, String uid, Address address) {
        long deadline = System.nanoTime() + recreateTimeout.toNanos();
        long pause = 50;
        while (true) {
            GenericKubernetesResource now = object.get();
            if (now == null || !Objects.equals(now.getMetadata().getUid(), uid)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TargetException(address.key(), "deleted to be recreated, but still there after "
                        + recreateTimeout.toSeconds() + " s (finalizers "
                        + now.getMetadata().getFinalizers() + "); remove them or wait, then reconcile again");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException(address.key(), "interrupted while waiting for the deletion before "
                        + "recreating it", e);
            }
            pause = Math.min(pause * 2, 1000);
        }
    }
}
