package io.gitops4j.reconcile;

import io.gitops4j.health.Health;
import io.gitops4j.target.HealthAssessment;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the target until every key is healthy or a timeout passes, assessing each poll with
 * {@link HealthAssessment#observe}. Time comes from the injected clock and sleeper, so tests never sleep.
 */
final class HealthWait {
    private static final Logger LOG = LoggerFactory.getLogger(HealthWait.class);

    private final Target target;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final Consumer<Map<ResourceKey, Health>> polled;

    /** A wait that hands each poll's health to {@code polled} (the listener's {@code healthPolled}). */
    HealthWait(Target target, Clock clock, Sleeper sleeper, Duration pollInterval,
            Consumer<Map<ResourceKey, Health>> polled) {
        this.target = target;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.polled = polled;
    }

    /** Returns the health of each key when all are healthy, or as last observed when the timeout passed. */
    Map<ResourceKey, Health> await(Collection<ResourceKey> keys, Duration timeout) {
        return await(keys, timeout, Health::isHealthy);
    }

    /**
     * Returns the health of each key when every one is settled (a hook is settled once it succeeded or failed), or
     * as last observed when the timeout passed.
     */
    Map<ResourceKey, Health> await(Collection<ResourceKey> keys, Duration timeout, Predicate<Health> settled) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            HealthAssessment health = HealthAssessment.observe(target, keys);
            polled.accept(health.health());
            if (health.health().values().stream().allMatch(settled)) {
                return health.health();
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isZero() || left.isNegative()) {
                health.unhealthy().forEach((key, value) ->
                        LOG.warn("{} is not healthy after {}: {}", key, timeout, value));
                return health.health();
            }
            try {
                sleeper.sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return health.health();
            }
        }
    }
}
