package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.reconcile.Sleeper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link Sleeper} that waits on a {@link Scheduler}: a sleep ends when the scheduler runs the wake-up task it
 * scheduled, so a health wait keeps the controller's time (real time on a real scheduler; a manual scheduler's time
 * when a test advances it). Thread-safe.
 */
final class SchedulerSleeper implements Sleeper {
    private final Scheduler scheduler;

    SchedulerSleeper(Scheduler scheduler) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(1);
        ScheduledTask wakeUp = scheduler.schedule(woken::countDown, duration);
        try {
            woken.await();
        } finally {
            wakeUp.cancel();
        }
    }
}
