package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * Configures a {@link GitOpsController}, from {@link GitOpsController#builder()}: clock, scheduler, workers or an
 * executor, listeners, history and shutdown grace, each with the default the controller lists.
 *
 * <p>Not thread-safe; the controller it builds is.
 */
public final class GitOpsControllerBuilder {
    Clock clock = Clock.systemUTC();
    Scheduler scheduler;
    Sleeper sleeper;
    Executor executor;
    int workers = 4;
    ControllerListener listener = ControllerListener.NOOP;
    ReconcileListener reconcileListener = ReconcileListener.NOOP;
    int historySize = 20;
    Path historyFile;
    Duration shutdownGrace = Duration.ofSeconds(30);
    Random random = new Random();

    /** Starts from the defaults, for {@link GitOpsController#builder()}. */
    GitOpsControllerBuilder() {
    }

    /**
     * Sets the clock for run times, statuses and history (default the UTC system clock). Use the same clock
     * the scheduler uses.
     *
     * @param value the clock
     * @return this builder
     */
    public GitOpsControllerBuilder clock(Clock value) {
        this.clock = requireNonNull(value, "clock is null");
        return this;
    }

    /**
     * Sets the scheduler that fires intervals and retries (default: a daemon timer thread the controller owns
     * and stops on {@link GitOpsController#close()}).
     *
     * @param value the scheduler
     * @return this builder
     */
    public GitOpsControllerBuilder scheduler(Scheduler value) {
        this.scheduler = requireNonNull(value, "scheduler is null");
        return this;
    }

    /**
     * Sets how a run's health wait pauses between polls (default: a wake-up on the {@link #scheduler}, so the wait
     * keeps the scheduler's time). With a manual scheduler and runs on the test's own thread ({@code
     * executor(Runnable::run)}) no one else can advance the scheduler during the wait: pass the testkit's
     * {@code ManualClock}, which advances itself instead of sleeping.
     *
     * @param value the sleeper
     * @return this builder
     */
    public GitOpsControllerBuilder sleeper(Sleeper value) {
        this.sleeper = requireNonNull(value, "sleeper is null");
        return this;
    }

    /**
     * Sets the number of worker threads that run reconciles (default 4), when no {@link #executor} is set.
     *
     * @param value at least 1
     * @return this builder
     */
    public GitOpsControllerBuilder workers(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + value);
        }
        this.workers = value;
        return this;
    }

    /**
     * Runs reconciles on an executor the caller owns instead of an own pool of {@link #workers} threads; the
     * caller bounds it and shuts it down. Tests pass {@code Runnable::run} to run inline.
     *
     * @param value the executor
     * @return this builder
     */
    public GitOpsControllerBuilder executor(Executor value) {
        this.executor = requireNonNull(value, "executor is null");
        return this;
    }

    /**
     * Sets the listener (default {@link ControllerListener#NOOP}).
     *
     * @param value the listener; must be fast, thread-safe, and must not throw
     * @return this builder
     */
    public GitOpsControllerBuilder listener(ControllerListener value) {
        this.listener = requireNonNull(value, "listener is null");
        return this;
    }

    /**
     * Sets the listener every application's engine reports each run's steps to (default
     * {@link ReconcileListener#NOOP}); events name the application.
     *
     * @param value the listener; must be fast, thread-safe, and must not throw
     * @return this builder
     */
    public GitOpsControllerBuilder reconcileListener(ReconcileListener value) {
        this.reconcileListener = requireNonNull(value, "reconcileListener is null");
        return this;
    }

    /**
     * Sets how many runs each application keeps in memory (default 20).
     *
     * @param value at least 1
     * @return this builder
     */
    public GitOpsControllerBuilder historySize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("historySize must be at least 1: " + value);
        }
        this.historySize = value;
        return this;
    }

    /**
     * Appends every run of every application to a JSON Lines file (read it with {@link HistoryFile#read}).
     *
     * @param value the file; its folder must exist
     * @return this builder
     */
    public GitOpsControllerBuilder historyFile(Path value) {
        this.historyFile = requireNonNull(value, "historyFile is null");
        return this;
    }

    /**
     * Sets how long {@link GitOpsController#close()} lets running reconciles finish before interrupting them (default 30 s).
     *
     * @param value not negative
     * @return this builder
     */
    public GitOpsControllerBuilder shutdownGrace(Duration value) {
        requireNonNull(value, "shutdownGrace is null");
        if (value.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + value);
        }
        this.shutdownGrace = value;
        return this;
    }

    /**
     * Sets the source of randomness for jitter (default a new {@link Random}); a seeded one makes jitter
     * repeatable.
     *
     * @param value the random generator
     * @return this builder
     */
    public GitOpsControllerBuilder random(Random value) {
        this.random = requireNonNull(value, "random is null");
        return this;
    }

    /**
     * Builds the controller; it runs applications as soon as they are added.
     *
     * @return the controller
     */
    public GitOpsController build() {
        return new GitOpsController(this);
    }
}
