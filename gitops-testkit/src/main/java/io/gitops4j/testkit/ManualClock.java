package io.gitops4j.testkit;

import static java.util.Objects.requireNonNull;

import io.gitops4j.reconcile.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told, and a {@link Sleeper} that advances it instead of blocking, so tests of
 * health waits and loops never sleep.
 *
 * <p>Thread-safe.
 */
public final class ManualClock extends Clock implements Sleeper {
    private Instant now;
    private int sleeps;

    /**
     * Creates a clock at an instant.
     *
     * @param start the initial time
     */
    public ManualClock(Instant start) {
        this.now = requireNonNull(start, "start is null");
    }

    /**
     * Creates a clock at 2026-01-01T00:00:00Z.
     *
     * @return the clock
     */
    public static ManualClock create() {
        return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * Moves the clock forward.
     *
     * @param duration not negative
     */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + duration);
        }
        now = now.plus(duration);
    }

    /** Advances the clock by the duration instead of sleeping. */
    @Override
    public synchronized void sleep(Duration duration) {
        sleeps++;
        advance(duration);
    }

    /**
     * Returns how many times {@link #sleep} was called.
     *
     * @return the count
     */
    public synchronized int sleeps() {
        return sleeps;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Returns this clock: a manual clock is always UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
