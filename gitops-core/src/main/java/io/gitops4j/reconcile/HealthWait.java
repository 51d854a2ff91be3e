package io.gitops4j.reconcile;

import io.gitops4j.health.Health;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the target until every key is healthy or a timeout passes. Time comes from the injected clock and
 * sleeper, so tests never sleep.
 */
final class HealthWait {
    private static final Logger LOG = LoggerFactory.getLogger(HealthWait.class);

    private final Target target;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;

    HealthWait(Target target, Clock clock, Sleeper sleeper, Duration pollInterval) {
        this.target = target;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
    }

    /** Returns the health of each key when all are healthy, or as last observed when the timeout passed. */
    Map<ResourceKey, Health> await(Collection<ResourceKey> keys, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Map<ResourceKey, Health> health = assess(keys);
            if (health.values().stream().allMatch(Health::isHealthy)) {
                return health;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isZero() || left.isNegative()) {
                health.forEach((key, value) -> {
                    if (!value.isHealthy()) {
                        LOG.warn("{} is not healthy after {}: {}", key, timeout, value);
                    }
                });
                return health;
            }
            try {
                sleeper.sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return health;
            }
        }
    }

    /** Returns the health of each key as observed now; a key that does not exist is missing. */
    Map<ResourceKey, Health> assess(Collection<ResourceKey> keys) {
        Map<ResourceKey, Health> health = new TreeMap<>();
        LiveState live;
        try {
            live = target.observe(keys);
        } catch (RuntimeException e) {
            keys.forEach(key -> health.put(key, Health.unknown("cannot observe: " + e.getMessage())));
            return health;
        }
        for (ResourceKey key : keys) {
            Optional<LiveResource> object = live.get(key);
            health.put(key, object.map(o -> safeHealth(o)).orElseGet(() -> Health.missing("not found on the target")));
        }
        return health;
    }

    private Health safeHealth(LiveResource object) {
        try {
            return target.health(object.object());
        } catch (RuntimeException e) {
            return Health.unknown("health check failed: " + e.getMessage());
        }
    }
}
