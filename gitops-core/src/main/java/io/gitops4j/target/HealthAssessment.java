package io.gitops4j.target;

import static java.util.Objects.requireNonNull;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The health of a set of resources at one moment, one {@link Health} per key, and their aggregate: the worst
 * status among them in {@link HealthStatus}'s order ({@code HEALTHY < SUSPENDED < PROGRESSING < MISSING <
 * DEGRADED < UNKNOWN}), {@link HealthStatus#HEALTHY} when the set is empty.
 *
 * <p>{@link #observe} reads the keys from a target in one batched {@link Target#observe} and assesses each live
 * object with {@link Target#health}. It never throws for a failure of the target: a key the target does not
 * report is {@link HealthStatus#MISSING}; an object whose health check throws is {@link HealthStatus#UNKNOWN}
 * with the reason; when the target cannot be read at all, every key is {@code UNKNOWN} and
 * {@link #observeFailure()} says why.
 *
 * <pre>{@code
 * HealthAssessment now = HealthAssessment.observe(target, keys);
 * if (now.aggregate() == HealthStatus.DEGRADED) {
 *     now.unhealthy().forEach((key, health) -> log.warn("{}: {}", key, health));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HealthAssessment {
    private static final HealthAssessment EMPTY = new HealthAssessment(new TreeMap<>(), null);

    private final SortedMap<ResourceKey, Health> health;
    private final String observeFailure;

    private HealthAssessment(SortedMap<ResourceKey, Health> health, String observeFailure) {
        this.health = Collections.unmodifiableSortedMap(health);
        this.observeFailure = observeFailure;
    }

    /**
     * Observes some keys on a target now and assesses the health of each.
     *
     * @param target the target to read; its {@link Target#observe} is called once, and not at all for no keys
     * @param keys the keys, as the target resolves them
     * @return one entry per key; a key not found is {@code MISSING}, one whose health cannot be told is
     *     {@code UNKNOWN} with the reason
     */
    public static HealthAssessment observe(Target target, Collection<ResourceKey> keys) {
        requireNonNull(target, "target is null");
        requireNonNull(keys, "keys is null");
        if (keys.isEmpty()) {
            return EMPTY;
        }
        SortedMap<ResourceKey, Health> health = new TreeMap<>();
        LiveState live;
        try {
            live = target.observe(keys);
        } catch (RuntimeException e) {
            String failure = "cannot observe: " + message(e);
            keys.forEach(key -> health.put(key, Health.unknown(failure)));
            return new HealthAssessment(health, failure);
        }
        for (ResourceKey key : keys) {
            health.put(key, live.get(key).map(object -> assess(target, object.object()))
                    .orElseGet(() -> Health.missing("not found on the target")));
        }
        return new HealthAssessment(health, null);
    }

    /**
     * Returns an assessment of health already known, e.g. what a reconcile reported.
     *
     * @param health the health of each key; copied
     * @return the assessment, with no {@linkplain #observeFailure() observe failure}
     */
    public static HealthAssessment of(Map<ResourceKey, Health> health) {
        requireNonNull(health, "health is null");
        return health.isEmpty() ? EMPTY : new HealthAssessment(new TreeMap<>(health), null);
    }

    /**
     * Assesses one live object with the target's health check, turning a failing check into a value.
     *
     * @param target the target whose {@link Target#health} to ask
     * @param live the live object
     * @return its health; {@code UNKNOWN} with the reason when the check throws
     */
    public static Health assess(Target target, Resource live) {
        requireNonNull(target, "target is null");
        requireNonNull(live, "live is null");
        try {
            return target.health(live);
        } catch (RuntimeException e) {
            return Health.unknown("health check failed: " + message(e));
        }
    }

    /**
     * Returns the health of each resource.
     *
     * @return an unmodifiable map sorted by key
     */
    public SortedMap<ResourceKey, Health> health() {
        return health;
    }

    /**
     * Returns the resources that are not healthy.
     *
     * @return an unmodifiable map sorted by key, empty when all are healthy
     */
    public SortedMap<ResourceKey, Health> unhealthy() {
        SortedMap<ResourceKey, Health> unhealthy = new TreeMap<>(health);
        unhealthy.values().removeIf(Health::isHealthy);
        return Collections.unmodifiableSortedMap(unhealthy);
    }

    /**
     * Returns the aggregate health: the worst status of any resource.
     *
     * @return the worst status; {@link HealthStatus#HEALTHY} when there are no resources
     */
    public HealthStatus aggregate() {
        return health.values().stream().map(Health::status).reduce(HealthStatus::worst).orElse(HealthStatus.HEALTHY);
    }

    /**
     * Tells whether every resource is healthy.
     *
     * @return {@code true} when every resource is {@link HealthStatus#HEALTHY}, or there are none
     */
    public boolean allHealthy() {
        return aggregate() == HealthStatus.HEALTHY;
    }

    /**
     * Returns why the target could not be read, when {@link #observe} failed to read it.
     *
     * @return the reason, e.g. {@code "cannot observe: connection refused"}; empty when it was read
     */
    public Optional<String> observeFailure() {
        return Optional.ofNullable(observeFailure);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HealthAssessment that && health.equals(that.health)
                && observeFailure().equals(that.observeFailure());
    }

    @Override
    public int hashCode() {
        return health.hashCode() * 31 + observeFailure().hashCode();
    }

    @Override
    public String toString() {
        return aggregate() + " " + health + (observeFailure == null ? "" : " (" + observeFailure + ")");
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
