package io.gitops4j.reconcile;

import io.gitops4j.health.Health;
import io.gitops4j.inventory.InMemoryInventoryStore;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteOutcome;
import io.gitops4j.target.DeleteResult;
import io.gitops4j.target.Target;
import io.gitops4j.target.TargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** A minimal map-backed target for engine unit tests; the testkit's InMemoryTarget is the full one. */
final class FakeTarget implements Target {
    final TreeMap<ResourceKey, Resource> objects = new TreeMap<>();
    final InMemoryInventoryStore inventory = new InMemoryInventoryStore();
    final Set<ResourceKey> failApplies = new HashSet<>();
    final Set<String> unknownKinds = new HashSet<>();
    final List<String> calls = new ArrayList<>();
    boolean failDeletes;
    String defaultNamespace = "default";
    Function<Resource, Health> health = live -> Health.healthy();
    /** Runs at the start of every call of that kind: advance a manual clock, change an object behind the engine. */
    Runnable onApply = () -> { };
    Runnable onDelete = () -> { };
    Runnable onObserve = () -> { };

    void put(Resource resource) {
        objects.put(resource.key(), resource);
    }

    @Override
    public ResourceKey resolve(ResourceKey key) {
        if (unknownKinds.contains(key.kind())) {
            throw new TargetException(key, "unknown kind " + key.kind() + "; install its CRD first");
        }
        return key.namespace().isEmpty() && !key.kind().equals("Namespace") ? key.withNamespace(defaultNamespace) : key;
    }

    @Override
    public LiveState observe(Collection<ResourceKey> keys) {
        calls.add("observe");
        onObserve.run();
        List<LiveResource> live = new ArrayList<>();
        for (ResourceKey key : keys) {
            Resource object = objects.get(key);
            if (object != null) {
                live.add(LiveResource.of(object, object));
            }
        }
        return LiveState.of(live);
    }

    @Override
    public ApplyResult apply(Resource resource, ApplyOptions options) {
        calls.add("apply " + resource.key() + (options.dryRun() ? " dry" : "") + (options.force() ? " force" : ""));
        onApply.run();
        if (failApplies.contains(resource.key())) {
            throw new TargetException(resource.key(), "injected apply failure");
        }
        Resource previous = objects.get(resource.key());
        ApplyOutcome outcome = previous == null ? ApplyOutcome.CREATED
                : previous.equals(resource) ? ApplyOutcome.UNCHANGED : ApplyOutcome.CONFIGURED;
        if (!options.dryRun()) {
            objects.put(resource.key(), resource);
            if (resource.kind().equals("CustomResourceDefinition")) {
                unknownKinds.remove(resource.tree().at("/spec/names/kind").asText());
            }
        }
        return new ApplyResult(resource.key(), outcome, resource);
    }

    @Override
    public DeleteResult delete(ResourceKey key, DeleteOptions options) {
        calls.add("delete " + key + (options.dryRun() ? " dry" : ""));
        onDelete.run();
        if (failDeletes) {
            throw new TargetException(key, "injected delete failure");
        }
        boolean existed = options.dryRun() ? objects.containsKey(key) : objects.remove(key) != null;
        return new DeleteResult(key, existed ? DeleteOutcome.DELETED : DeleteOutcome.NOT_FOUND);
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
