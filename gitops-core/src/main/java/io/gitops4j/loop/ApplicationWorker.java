package io.gitops4j.loop;

import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.Reconciler;
import io.gitops4j.window.WindowCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one application of a controller running: its scheduling state and the rules of when it runs, each run
 * being one {@link ApplicationSync}. At most one run at a time; requests while queued or running coalesce into one
 * follow-up; a run a sync window blocks is skipped; the next run is scheduled after each run (the interval with
 * jitter, the back-off after a failure, or the end of the blocking window);
 * suspend cancels the timer. Thread-safe: state is guarded by this object's monitor, which is never held while a run
 * executes or a listener is called.
 */
final class ApplicationWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationWorker.class);

    private final Application app;
    private final Reconciler engine;
    private final WorkerContext context;
    private final ArrayDeque<HistoryEntry> history = new ArrayDeque<>();

    private boolean queued;
    private boolean running;
    private boolean followUp;
    private long fetchAfter = -1;
    private boolean stopped;
    private boolean suspended;
    private RunReason pendingReason = RunReason.START;
    private ScheduledTask timer;
    private Instant nextRun;
    private Thread runner;
    private Revision pinned;
    private Revision lastApplied;
    private boolean inventoryRead;
    private String latestId;
    private long seenGeneration;
    private SyncState sync = SyncState.UNKNOWN;
    private HealthStatus health = HealthStatus.UNKNOWN;
    private String lastError;
    private String renderedBy = "";
    private List<Drift> drift = List.of();
    private int failures;
    private boolean ran;
    private boolean checking;
    /* A dependency became ready while this run was checking its dependencies: if the check defers, check again. */
    private boolean recheck;
    private String waitingFor;
    /* Whether a request since the last run started was manual (trigger, rollback, unpin): see SyncWindow.manualSync. */
    private boolean pendingManual;
    private String blockedBy;
    private Instant blockedUntil;

    ApplicationWorker(Application app, Reconciler engine, WorkerContext context) {
        this.app = app;
        this.engine = engine;
        this.context = context;
        this.suspended = app.suspended();
    }

    Application application() {
        return app;
    }

    /**
     * Asks for a run now (manual for a rollback or an unpin); coalesces with a queued or running one; ignored while
     * suspended or stopped.
     */
    void request(RunReason reason) {
        request(reason, -1, reason == RunReason.ROLLBACK || reason == RunReason.UNPIN);
    }

    /**
     * Asks for a run now that reads the source from a fetch above a generation (-1: any answer not seen yet), manual
     * or not (a manual request makes the run it coalesces into manual); coalesces with a queued or running one;
     * ignored while suspended or stopped.
     */
    void request(RunReason reason, long fetchAbove, boolean manual) {
        synchronized (this) {
            if (stopped || suspended) {
                return;
            }
            fetchAfter = Math.max(fetchAfter, fetchAbove);
            pendingManual |= manual;
            if (running) {
                followUp = true;
                pendingReason = reason;
                return;
            }
            if (queued) {
                return;
            }
            cancelTimer();
            queued = true;
            pendingReason = reason;
        }
        submit();
    }

    private void submit() {
        try {
            context.pool().execute(this::run);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                queued = false;
            }
            LOG.warn("application {}: run not started, the worker pool is shut down", app.name());
        }
    }

    private void run() {
        boolean manual;
        synchronized (this) {
            queued = false;
            if (stopped || suspended) {
                return;
            }
            running = true;
            checking = true;
            recheck = false;
            runner = Thread.currentThread();
            nextRun = null;
            manual = pendingManual;
            pendingManual = false;
        }
        WindowCheck window = context.windows().check(app.name(), context.clock().instant(), manual);
        if (!window.allowed()) {
            block(window);
            return;
        }
        synchronized (this) {
            blockedBy = null;
            blockedUntil = null;
        }
        if (!context.owns().test(app.name())) {
            boolean again;
            synchronized (this) {
                again = endRun();
            }
            LOG.debug("application {}: run skipped, another replica of the fleet owns it", app.name());
            if (again) {
                submit();
            }
            return;
        }
        Dependencies.Wait wait = app.dependsOn().isEmpty() ? null : context.dependencies().waitingFor(app);
        if (wait != null) {
            defer(wait);
            return;
        }
        ApplicationSync.Input input;
        synchronized (this) {
            checking = false;
            recheck = false;
            waitingFor = null;
            input = new ApplicationSync.Input(pendingReason, fetchAfter >= 0 ? fetchAfter : seenGeneration, pinned,
                    lastApplied, inventoryRead, latestId, seenGeneration);
            fetchAfter = -1;
        }
        ApplicationSync.Output output;
        try {
            output = new ApplicationSync(app, engine, context, input).execute();
        } catch (RuntimeException e) {
            LOG.error("application {}: run failed unexpectedly", app.name(), e);
            Instant now = context.clock().instant();
            String error = "run failed unexpectedly: " + ApplicationSync.message(e);
            output = new ApplicationSync.Output(input.lastApplied(), input.latestId(), input.seenGeneration(),
                    SyncState.UNKNOWN, null, error, List.of(), true, new HistoryEntry(app.name(), "", input.reason(),
                    input.pinned() != null, Outcome.FAILED, now, now, 0, 0, 0, 0, error), null);
        }
        finish(output);
    }

    private void defer(Dependencies.Wait wait) {
        boolean again;
        boolean checkAgain;
        synchronized (this) {
            waitingFor = wait.message();
            checkAgain = recheck;
            recheck = false;
            again = endRun();
        }
        LOG.info("application {}: run deferred, {}", app.name(), wait.message());
        context.listener().runDeferred(app.name(), wait.dependency(), wait.why());
        if (again) {
            submit();
        } else if (checkAgain) {
            request(RunReason.DEPENDENCY_READY);
        }
    }

    /** Skips a run a sync window blocks: not a failure; the next run is scheduled no later than the window's end. */
    private void block(WindowCheck window) {
        boolean again;
        ApplicationStatus after;
        synchronized (this) {
            checking = false;
            blockedBy = window.message();
            blockedUntil = window.until().orElse(null);
            again = endRun();
            after = status();
        }
        LOG.info("application {}: run skipped, {}", app.name(), window.message());
        context.listener().runBlocked(app.name(), window.message(), window.until().orElse(null));
        context.listener().statusUpdated(after);
        if (again) {
            submit();
        }
    }

    /** Ends a run (or a deferral) under the monitor: follows up or schedules the next; returns whether to submit. */
    private boolean endRun() {
        boolean again = false;
        running = false;
        checking = false;
        runner = null;
        if (!stopped && !suspended) {
            if (followUp) {
                followUp = false;
                queued = true;
                again = true;
            } else {
                scheduleNext();
            }
        }
        notifyAll();
        return again;
    }

    private void finish(ApplicationSync.Output output) {
        boolean again;
        ApplicationStatus after;
        synchronized (this) {
            record(output);
            again = endRun();
            after = status();
        }
        context.listener().runFinished(app.name(), output.entry());
        context.listener().statusUpdated(after);
        if (notReadyReason() == null) {
            context.dependencies().ready(app.name());
        }
        if (again) {
            submit();
        }
    }

    private void record(ApplicationSync.Output output) {
        ran = true;
        lastApplied = output.lastApplied();
        inventoryRead = true;
        latestId = output.latestId();
        seenGeneration = output.seenGeneration();
        sync = output.sync();
        health = output.health() == null ? health : output.health();
        lastError = output.error();
        renderedBy = output.renderedBy() == null ? renderedBy : output.renderedBy();
        drift = output.drift();
        failures = output.failed() ? failures + 1 : 0;
        history.addLast(output.entry());
        while (history.size() > context.historySize()) {
            history.removeFirst();
        }
    }

    private void scheduleNext() {
        if (blockedUntil != null) {
            Duration untilOpen = Duration.between(context.clock().instant(), blockedUntil);
            nextRun = blockedUntil;
            timer = context.scheduler().schedule(() -> request(RunReason.WINDOW_OPEN),
                    untilOpen.isNegative() ? Duration.ZERO : untilOpen);
            return;
        }
        boolean retry = failures > 0;
        Duration delay = retry ? app.retryPolicy().delay(failures, context.nextRandom())
                : app.jitteredInterval(context.nextRandom());
        RunReason reason = retry ? RunReason.RETRY : RunReason.INTERVAL;
        nextRun = context.clock().instant().plus(delay);
        timer = context.scheduler().schedule(() -> request(reason), delay);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        nextRun = null;
    }

    /**
     * Requests a run when the last one was deferred for a dependency; when a run is checking its dependencies now,
     * has it check again only if that check defers (a check that passed needs no second run).
     */
    void dependencyReady() {
        boolean wake;
        synchronized (this) {
            if (checking) {
                recheck = true;
                wake = false;
            } else {
                wake = waitingFor != null;
            }
        }
        if (wake) {
            request(RunReason.DEPENDENCY_READY);
        }
    }

    /**
     * Tells why dependants must wait for this application (Flux's Ready condition): it is ready when a run
     * finished, it is not itself waiting for a dependency, the last run did not fail, it applied (or converged
     * on) the revision it should run (the latest, or the pinned one), and its health is {@link HealthStatus#HEALTHY}.
     *
     * @return why it is not ready, or {@code null} when it is
     */
    synchronized String notReadyReason() {
        if (!ran) {
            return "not reconciled yet";
        }
        if (waitingFor != null) {
            return "itself " + waitingFor;
        }
        if (lastError != null) {
            return "last run failed: " + lastError;
        }
        String wanted = pinned != null ? pinned.id() : latestId;
        if (lastApplied == null || !lastApplied.id().equals(wanted)) {
            return "has not applied " + (wanted == null ? "any revision" : "revision " + wanted);
        }
        if (health != HealthStatus.HEALTHY) {
            return "not healthy: " + health;
        }
        return null;
    }

    void suspend() {
        synchronized (this) {
            suspended = true;
            followUp = false;
            cancelTimer();
        }
    }

    void resume() {
        synchronized (this) {
            if (!suspended) {
                return;
            }
            suspended = false;
        }
        request(RunReason.START);
    }

    void pin(Revision revision) {
        synchronized (this) {
            pinned = revision;
        }
        request(RunReason.ROLLBACK);
    }

    void unpin() {
        synchronized (this) {
            if (pinned == null) {
                return;
            }
            pinned = null;
        }
        request(RunReason.UNPIN);
    }

    /** Stops scheduling: cancels the timer and ignores later requests; a running run goes on. */
    synchronized void stop() {
        stopped = true;
        followUp = false;
        cancelTimer();
    }

    /** Waits until no run is in progress or the deadline passes; returns whether it is idle. */
    synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (running) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Interrupts the run in progress, if any. */
    synchronized void interrupt() {
        if (runner != null) {
            LOG.warn("application {}: interrupting the run still in progress after the shutdown grace period",
                    app.name());
            runner.interrupt();
        }
    }

    /** Tells whether a run is under way (a fleet keeps the application's claim until it ends). */
    synchronized boolean isRunning() {
        return running;
    }

    synchronized ApplicationStatus status() {
        return new ApplicationStatus(app.name(), lastApplied, pinned, latestId, sync, health, lastError, drift,
                nextRun, suspended, running, failures, waitingFor, blockedBy, renderedBy);
    }

    synchronized List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
