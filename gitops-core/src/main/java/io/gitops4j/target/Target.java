package io.gitops4j.target;

import io.gitops4j.ConflictException;
import io.gitops4j.TargetException;
import io.gitops4j.health.Health;
import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.Collection;

/**
 * Where desired state is applied: a Kubernetes cluster, an in-memory fake, a folder of JSON documents, a
 * feature-flag store.
 *
 * <p>The contract (proved by the testkit's {@code TargetContract}):
 * <ul>
 *   <li>{@link #apply} is idempotent: applying the same resource twice leaves the target as after the first
 *       apply, and the second reports {@link ApplyOutcome#UNCHANGED};</li>
 *   <li>a dry run changes nothing observable;</li>
 *   <li>{@link #observe} reports only keys that exist, with the server's fields;</li>
 *   <li>every failure is a {@link TargetException} that names the resource; a field-ownership conflict is a
 *       {@link ConflictException}.</li>
 * </ul>
 * Implementations must be safe for use by one reconcile at a time; they state whether more is allowed. A target
 * that may be given several {@link #apply} calls of one run at once says so with {@link #applyConcurrency()}.
 */
public interface Target {

    /**
     * Returns the key under which this target stores a resource: for example, a Kubernetes target puts
     * namespaced kinds that name no namespace into its default namespace, and rejects unknown kinds.
     * The default returns the key unchanged.
     *
     * @param key a key as declared in the desired state
     * @return the key the target uses
     * @throws TargetException when the kind is unknown to the target
     */
    default ResourceKey resolve(ResourceKey key) {
        return key;
    }

    /**
     * Observes the live objects of some keys.
     *
     * @param keys the keys to look up
     * @return the objects that exist, with what this engine last applied to them when known
     * @throws TargetException when the target cannot be read
     */
    LiveState observe(Collection<ResourceKey> keys);

    /**
     * Applies one resource (creates it, or brings its declared fields to the declared values).
     *
     * @param resource the desired resource, with its key already {@linkplain #resolve resolved}
     * @param options dry run and force
     * @return what happened and the resulting live object
     * @throws ConflictException when another owner holds fields with other values and {@code force} is off
     * @throws TargetException for any other failure, naming the resource
     */
    ApplyResult apply(Resource resource, ApplyOptions options);

    /**
     * Deletes one resource.
     *
     * @param key the resource
     * @param options dry run and propagation
     * @return deleted, or not found
     * @throws TargetException when the target refuses or fails the deletion
     */
    DeleteResult delete(ResourceKey key, DeleteOptions options);

    /**
     * Returns how many {@link #apply} calls of one reconcile this target accepts at the same time. The engine applies
     * the steps of one stage of a plan (one wave, one kind rank) with at most this many calls under way, and still
     * finishes every step of a stage before the next stage starts. The default, {@code 1}, keeps every apply of a
     * run one after the other, which is right for a target that is safe for one caller only; a target that returns
     * more must be safe for that many concurrent {@code apply}, {@link #observe} and {@link #health} calls.
     *
     * @return at least 1
     */
    default int applyConcurrency() {
        return 1;
    }

    /**
     * Assesses the health of a live object. The default says every object is healthy once it exists, which is
     * right for targets without asynchronous convergence.
     *
     * @param live the live object, as returned by {@link #observe} or {@link #apply}
     * @return its health
     */
    default Health health(Resource live) {
        return Health.healthy();
    }

    /**
     * Returns where this target keeps each application's inventory (what it applied, at which revision), so
     * that a restarted process prunes correctly.
     *
     * @return the inventory store
     */
    InventoryStore inventoryStore();

    /**
     * Returns where this target keeps each application's run records, beside its inventory, so that history and
     * rollback read what happened on this target whoever ran it. The default keeps nothing
     * ({@link HistoryStore#none()}): a target without a place for records has no history, and rollback then needs
     * an explicit revision.
     *
     * @return the history store
     */
    default HistoryStore historyStore() {
        return HistoryStore.none();
    }
}
