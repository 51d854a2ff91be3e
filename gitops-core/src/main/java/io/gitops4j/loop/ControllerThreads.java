package io.gitops4j.loop;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The timer and the thread pool of a {@link GitOpsController}: those its builder was given, or daemon threads it
 * creates, owns, and stops on {@link #shutdownOwned()}. Thread-safe.
 */
final class ControllerThreads {
    private final ScheduledExecutorService ownedTimer;
    private final ExecutorService ownedPool;
    private final Scheduler scheduler;
    private final Executor pool;

    /** Uses the given scheduler and executor, creating a timer thread or a pool of threads for each one missing. */
    ControllerThreads(Scheduler givenScheduler, Executor givenExecutor, int threads) {
        this.ownedTimer = givenScheduler == null
                ? Executors.newSingleThreadScheduledExecutor(daemons("gitops4j-loop-timer-")) : null;
        this.ownedPool = givenExecutor == null
                ? Executors.newFixedThreadPool(threads, daemons("gitops4j-loop-worker-")) : null;
        this.scheduler = givenScheduler != null ? givenScheduler : Scheduler.of(ownedTimer);
        this.pool = givenExecutor != null ? givenExecutor : ownedPool;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Executor pool() {
        return pool;
    }

    /** Stops the threads this object created: the timer at once, the pool after its tasks had a second to end. */
    void shutdownOwned() {
        if (ownedTimer != null) {
            ownedTimer.shutdownNow();
        }
        if (ownedPool != null) {
            ownedPool.shutdown();
            try {
                ownedPool.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ownedPool.shutdownNow();
        }
    }

    private static ThreadFactory daemons(String prefix) {
        return new ThreadFactoryBuilder().setNameFormat(prefix + "%d").setDaemon(true).build();
    }
}
