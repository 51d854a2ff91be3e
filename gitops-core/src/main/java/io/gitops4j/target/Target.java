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
import java.util.List;
import java.util.Map;

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
     * Creates one object that must not exist yet, as a hook is created: an object with only
     * {@code metadata.generateName} ({@link Resource#hasGeneratedName()}) gets a new name from the target (a
     * Kubernetes target creates with POST, since server-side apply needs a name). The default applies an object
     * that has a name and does not exist yet, and refuses one whose name the target would generate.
     *
     * @param resource the object, with its key already {@linkplain #resolve resolved}
     * @param options dry run (force does not apply to a create)
     * @return {@link ApplyOutcome#CREATED} and the object as created, under its real (generated) name
     * @throws TargetException when the object exists already, the target cannot generate names, or the create
     *     fails, naming the resource
     */
    default ApplyResult create(Resource resource, ApplyOptions options) {
        if (resource.hasGeneratedName()) {
            throw new TargetException(resource.key(), "this target cannot create objects with "
                    + "metadata.generateName; give the hook a metadata.name");
        }
        if (observe(List.of(resource.key())).get(resource.key()).isPresent()) {
            throw new TargetException(resource.key(), "already exists: a create needs a name no object has");
        }
        return apply(resource, options);
    }

    /**
     * Finds the live objects of one kind in one namespace that carry all the given labels: how the engine finds
     * the objects an earlier run created of a hook with a generated name, to delete them before creating it
     * again. The default finds nothing it could be asked about: it refuses.
     *
     * @param group the API group, {@code ""} for core
     * @param kind the kind
     * @param namespace the namespace, {@code ""} for cluster-scoped kinds
     * @param labels the labels every object found carries, with these values
     * @return the objects found, in key order
     * @throws TargetException when the target cannot list objects by label, or cannot be read
     */
    default List<Resource> findLabelled(String group, String kind, String namespace, Map<String, String> labels) {
        throw new TargetException(ResourceKey.of(group, kind, namespace, "*"), "this target cannot find objects "
                + "by label; hooks with metadata.generateName and BeforeHookCreation need it");
    }

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
