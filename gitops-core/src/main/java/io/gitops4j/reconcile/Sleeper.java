package io.gitops4j.reconcile;

import java.time.Duration;

/**
 * Waits for a while; injected into the engine so that tests advance a manual clock instead of sleeping.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for about the given time.
     *
     * @param duration how long to wait, not negative
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns a sleeper that blocks the calling thread.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
