package io.gitops4j.loop;

/**
 * A task a {@link Scheduler} will run later; cancel it to stop it from running.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface ScheduledTask {

    /**
     * Cancels the task if it has not started; a task already running is not interrupted. Idempotent.
     */
    void cancel();
}
