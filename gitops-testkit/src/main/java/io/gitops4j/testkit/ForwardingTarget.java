package io.gitops4j.testkit;

import static java.util.Objects.requireNonNull;

import io.gitops4j.health.Health;
import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteResult;
import io.gitops4j.target.Target;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A {@link Target} that passes every call to another target, for tests that watch or disturb one kind of call
 * (count observations, fail the 50th apply) and leave the rest as they are: override only those methods. Every
 * method of {@code Target}, the default ones included, is forwarded, so a wrapper never silently drops what the
 * wrapped target does (its resolution, health rules, inventory or run records).
 *
 * <p>Thread-safe when the wrapped target is and the overrides are. The one call not forwarded is
 * {@link #applyConcurrency()}: whether a wrapper's overrides may run concurrently is the wrapper's to say, so it
 * answers 1 unless a subclass overrides it.
 */
public abstract class ForwardingTarget implements Target {
    private final Target delegate;

    /**
     * Wraps a target.
     *
     * @param delegate the target every call goes to
     */
    protected ForwardingTarget(Target delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /**
     * Returns the wrapped target.
     *
     * @return the target every call goes to
     */
    protected Target delegate() {
        return delegate;
    }

    @Override
    public ResourceKey resolve(ResourceKey key) {
        return delegate.resolve(key);
    }

    @Override
    public LiveState observe(Collection<ResourceKey> keys) {
        return delegate.observe(keys);
    }

    @Override
    public ApplyResult apply(Resource resource, ApplyOptions options) {
        return delegate.apply(resource, options);
    }

    @Override
    public ApplyResult create(Resource resource, ApplyOptions options) {
        return delegate.create(resource, options);
    }

    @Override
    public List<Resource> findLabelled(String group, String kind, String namespace, Map<String, String> labels) {
        return delegate.findLabelled(group, kind, namespace, labels);
    }

    @Override
    public DeleteResult delete(ResourceKey key, DeleteOptions options) {
        return delegate.delete(key, options);
    }

    /**
     * Returns 1: the wrapper's overrides (a counter, a fault after the n-th call) are applied one at a time unless
     * a subclass that is safe for more says so; the wrapped target's own bound is {@code delegate().applyConcurrency()}.
     *
     * @return 1
     */
    @Override
    public int applyConcurrency() {
        return 1;
    }

    @Override
    public Health health(Resource live) {
        return delegate.health(live);
    }

    @Override
    public InventoryStore inventoryStore() {
        return delegate.inventoryStore();
    }

    @Override
    public HistoryStore historyStore() {
        return delegate.historyStore();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + delegate + "}";
    }
}
