package io.gitops4j.samples.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.health.Health;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.Target;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Observes a set of keys on a target and assesses each one's health, as a status command shows it. */
public final class LiveHealth {

    private LiveHealth() {
    }

    /**
     * Returns the health of every key as observed now.
     *
     * @param target the target to observe
     * @param keys resolved keys
     * @return one entry per key, sorted; a key that does not exist is {@code MISSING}, one whose health cannot be
     *     assessed is {@code UNKNOWN} with the reason
     */
    public static SortedMap<ResourceKey, Health> of(Target target, Collection<ResourceKey> keys) {
        requireNonNull(target, "target is null");
        requireNonNull(keys, "keys is null");
        SortedMap<ResourceKey, Health> health = new TreeMap<>();
        LiveState live;
        try {
            live = target.observe(keys);
        } catch (RuntimeException e) {
            keys.forEach(key -> health.put(key, Health.unknown("cannot observe: " + e.getMessage())));
            return health;
        }
        for (ResourceKey key : keys) {
            Optional<LiveResource> object = live.get(key);
            health.put(key, object.map(o -> assess(target, o)).orElseGet(() -> Health.missing("not found")));
        }
        return health;
    }

    private static Health assess(Target target, LiveResource object) {
        try {
            return target.health(object.object());
        } catch (RuntimeException e) {
            return Health.unknown("health check failed: " + e.getMessage());
        }
    }
}
