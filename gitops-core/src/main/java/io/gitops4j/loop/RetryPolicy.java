package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long an application waits before retrying after consecutive failed runs: {@code initial × factor^(n-1)}
 * after the n-th failure, capped at {@code max}, then shortened by up to {@code jitter} of itself so that many
 * applications failing together do not retry together. A successful run resets the count.
 *
 * @param initial the delay after the first failure; positive
 * @param factor the growth per further failure; at least 1
 * @param max the cap; not below {@code initial}
 * @param jitter the share (0 to 1) by which a delay may be shortened at random
 */
public record RetryPolicy(Duration initial, double factor, Duration max, double jitter) {

    /** Validates the components. */
    public RetryPolicy {
        requireNonNull(initial, "initial is null");
        requireNonNull(max, "max is null");
        if (initial.isZero() || initial.isNegative()) {
            throw new IllegalArgumentException("initial retry delay must be positive: " + initial);
        }
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("retry factor must be a finite number >= 1: " + factor);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max retry delay " + max + " is below the initial delay " + initial);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("retry jitter must be a share between 0 and 1: " + jitter);
        }
    }

    /**
     * Returns the default policy: 5 s, doubling, capped at 5 minutes, 10% jitter.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(5), 0.1);
    }

    /**
     * Returns the delay before the next run after a number of consecutive failures, before jitter.
     *
     * @param failures consecutive failures, at least 1
     * @return {@code min(max, initial × factor^(failures-1))}
     * @throws IllegalArgumentException when {@code failures < 1}
     */
    public Duration baseDelay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        double nanos = initial.toNanos() * Math.pow(factor, failures - 1.0);
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }

    /**
     * Returns the delay before the next run, with jitter applied.
     *
     * @param failures consecutive failures, at least 1
     * @param random a uniform value in [0, 1)
     * @return a delay in {@code [baseDelay × (1 - jitter), baseDelay]}
     */
    public Duration delay(int failures, double random) {
        Duration base = baseDelay(failures);
        return Duration.ofNanos(base.toNanos() - (long) (base.toNanos() * jitter * random));
    }
}
