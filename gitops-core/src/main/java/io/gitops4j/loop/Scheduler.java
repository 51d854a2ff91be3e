package io.gitops4j.loop;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a task once after a delay: the only way the {@link GitOpsController} waits for time to pass.
 *
 * <p>The contract: {@link #schedule} never runs the task on the caller's thread before returning; the task runs
 * once, no earlier than the delay after the call by the scheduler's notion of time, unless it is cancelled.
 * Tasks must be short (the controller's tasks only hand work to its worker pool). Implementations are
 * thread-safe. {@link #of(ScheduledExecutorService)} gives a real one; the testkit's {@code ManualScheduler} runs
 * due tasks when a test advances its clock.
 */
public interface Scheduler {

    /**
     * Schedules a task to run once after a delay.
     *
     * @param task the task; must be short and must not throw
     * @param delay not negative; {@link Duration#ZERO} means as soon as possible
     * @return a handle that cancels the task
     * @throws java.util.concurrent.RejectedExecutionException when the scheduler is shut down
     */
    ScheduledTask schedule(Runnable task, Duration delay);

    /**
     * Returns a scheduler on a {@link ScheduledExecutorService}; the caller keeps owning (and shuts down) the
     * executor.
     *
     * @param executor the executor that runs the tasks
     * @return a real-time scheduler
     */
    static Scheduler of(ScheduledExecutorService executor) {
        return new ExecutorScheduler(executor);
    }
}
