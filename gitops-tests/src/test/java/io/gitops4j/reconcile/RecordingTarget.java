package io.gitops4j.reconcile;

import io.gitops4j.health.Health;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteResult;
import io.gitops4j.target.Target;
import io.gitops4j.TargetException;
import io.gitops4j.testkit.InMemoryTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * The testkit's {@link InMemoryTarget} as the engine tests drive it: the objects, their server fields, what was last
 * applied, the inventory and the injected faults are the in-memory target's ({@link #cluster}); this adds the log of
 * calls ({@code observe}, {@code apply <key>[ dry][ force]}, {@code delete <key>[ dry]}), a hook at the start of
 * each call (advance a manual clock, change an object behind the engine), and kinds, a default namespace and health
 * that a test changes between runs. Applying a CustomResourceDefinition serves its kind, as a cluster does.
 */
final class RecordingTarget implements Target {
    final InMemoryTarget cluster = InMemoryTarget.create();
    final InventoryStore inventory = cluster.inventoryStore();
    final Set<String> unknownKinds = new HashSet<>();
    final List<String> calls = new ArrayList<>();
    String defaultNamespace = "default";
    Function<Resource, Health> health = live -> Health.healthy();
    /** Runs at the start of every call of that kind: advance a manual clock, change an object behind the engine. */
    Runnable onApply = () -> { };
    Runnable onDelete = () -> { };
    Runnable onObserve = () -> { };

    /** Writes an object as another actor would: creates it, or replaces its body and keeps its server fields. */
    void put(Resource resource) {
        if (cluster.contents().containsKey(resource.key())) {
            cluster.edit(resource.key(), live -> resource.body());
        } else {
            cluster.seed(resource);
        }
    }

    /** Removes an object as another actor would, without a call the engine made. */
    void remove(ResourceKey key) {
        cluster.delete(key, DeleteOptions.DEFAULT);
    }

    /** Returns the live objects, server fields included. */
    SortedMap<ResourceKey, Resource> objects() {
        return cluster.contents();
    }

    @Override
    public ResourceKey resolve(ResourceKey key) {
        if (unknownKinds.contains(key.kind())) {
            throw new TargetException(key, "unknown kind " + key.kind() + "; install its CRD first");
        }
        ResourceKey resolved = cluster.resolve(key);
        return key.namespace().isEmpty() && !resolved.namespace().isEmpty()
                ? resolved.withNamespace(defaultNamespace) : resolved;
    }

    @Override
    public LiveState observe(Collection<ResourceKey> keys) {
        calls.add("observe");
        onObserve.run();
        return cluster.observe(keys);
    }

    @Override
    public ApplyResult apply(Resource resource, ApplyOptions options) {
        calls.add("apply " + resource.key() + (options.dryRun() ? " dry" : "") + (options.force() ? " force" : ""));
        onApply.run();
        ApplyResult result = cluster.apply(resource, options);
        if (!options.dryRun() && resource.kind().equals("CustomResourceDefinition")) {
            unknownKinds.remove(resource.tree().at("/spec/names/kind").asText());
        }
        return result;
    }

    @Override
    public DeleteResult delete(ResourceKey key, DeleteOptions options) {
        calls.add("delete " + key + (options.dryRun() ? " dry" : ""));
        onDelete.run();
        return cluster.delete(key, options);
    }

    @Override
    public Health health(Resource live) {
        return health.apply(live);
    }

    @Override
    public InventoryStore inventoryStore() {
        return inventory;
    }
}
