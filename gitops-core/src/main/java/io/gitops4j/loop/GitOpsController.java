package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps many {@link Application}s in sync, continuously, inside the embedding process.
 *
 * <p>Each application is reconciled when added, on its interval (with jitter), as soon as a run of any
 * application on the same repository sees a new revision, and on {@link #trigger(String)} (e.g. from a webhook).
 * Runs execute on a bounded worker pool, one run per application at a time; requests during a run coalesce into
 * one follow-up run. A failed run is retried after the application's {@link RetryPolicy} back-off; a successful
 * run resets it. A revision already applied is checked for drift on every run: corrected with self-heal, only
 * reported (and {@link SyncState#OUT_OF_SYNC}) without. When the source cannot be read, the last applied revision
 * stays, the error is reported, and nothing is pruned. {@link #rollback} applies an exact earlier revision and pins
 * the application there until {@link #unpin}.
 *
 * <p>Dependencies (like Flux's {@code dependsOn}): an application with {@link Application#dependsOn()} runs only
 * when each dependency is <em>ready</em> (Flux's Ready condition): it finished a run that did not fail, applied or
 * converged on the revision it should run (its latest, or its pinned one), is not itself waiting for a dependency,
 * and its health is {@link io.gitops4j.health.HealthStatus#HEALTHY} (any other health, {@code UNKNOWN} included,
 * is not ready). Otherwise the run is deferred without touching the source or the target:
 * {@link ApplicationStatus#waitingFor()} says which dependency and why, {@link ControllerListener#runDeferred} is
 * called, and the run is tried again when that dependency finishes a run ready
 * ({@link RunReason#DEPENDENCY_READY}) and on the application's own interval. Applications may be added in any
 * order (a dependency not added yet is simply not ready); {@link #add} refuses one that would close a cycle.
 * Engine options ({@link Application#force()}, {@link Application#pruneLimit()},
 * {@link Application#allowLargePrune()}, {@link Application#allowEmpty()}) are passed to every run. After each
 * successful run the status's health covers every declared resource: the engine reports those it applied, and
 * those left in sync are observed afresh (one batched call per run, bounded to that application's resources).
 *
 * <p>Thread-safe: every method may be called from any thread, including from listeners. {@link #close()} stops
 * scheduling, lets running runs finish within the shutdown grace period, then interrupts them.
 *
 * <pre>{@code
 * GitOpsController controller = GitOpsController.builder().workers(4).build();
 * controller.add(Application.builder().name("shop").source(source).target(target)
 *         .interval(Duration.ofMinutes(1)).build());
 * // in the webhook handler of the embedding tool:
 * controller.trigger("shop");                 // one application, or
 * controller.triggerSource(source.fetchKey()); // every application reading that repository
 * ApplicationStatus status = controller.status("shop");
 * }</pre>
 */
public final class GitOpsController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GitOpsController.class);

    private final ConcurrentSkipListMap<String, AppRuntime> apps = new ConcurrentSkipListMap<>();
    private final LoopContext context;
    private final ExecutorService ownedWorkers;
    private final ScheduledExecutorService ownedTimer;
    private final Duration shutdownGrace;
    private final ReconcileListener reconcileListener;
    private volatile boolean closed;

    /** Takes the settings of a builder, for {@link GitOpsControllerBuilder#build()}. */
    GitOpsController(GitOpsControllerBuilder b) {
        this.ownedTimer = b.scheduler == null
                ? Executors.newSingleThreadScheduledExecutor(threads("gitops4j-loop-timer-")) : null;
        this.ownedWorkers = b.executor == null
                ? Executors.newFixedThreadPool(b.workers, threads("gitops4j-loop-worker-")) : null;
        Scheduler scheduler = b.scheduler != null ? b.scheduler : Scheduler.of(ownedTimer);
        Executor workers = b.executor != null ? b.executor : ownedWorkers;
        Sleeper sleeper = b.sleeper != null ? b.sleeper : new SchedulerSleeper(scheduler);
        this.context = new LoopContext(b.clock, scheduler, sleeper, workers, new GuardedControllerListener(b.listener),
                b.random, new SharedFetches(b.clock), b.historySize,
                b.historyFile == null ? null : new HistoryFile(b.historyFile), this::newRevision,
                new Dependencies(apps));
        this.shutdownGrace = b.shutdownGrace;
        this.reconcileListener = b.reconcileListener;
    }

    /**
     * Returns a builder with the defaults: system UTC clock, own timer thread, health waits that sleep on it, 4
     * workers, no listener, 20 history entries per application, no history file, 30 s shutdown grace.
     *
     * @return a new builder
     */
    public static GitOpsControllerBuilder builder() {
        return new GitOpsControllerBuilder();
    }

    /**
     * Adds an application and requests its first run now (unless it is {@link Application#suspended()}).
     *
     * @param application the application; its name must be new to this controller; its dependencies may be added
     *                    later
     * @throws IllegalArgumentException when an application of that name exists, or when its dependencies would
     *                                  close a cycle (the message names it, e.g. {@code "a -> b -> a"})
     * @throws IllegalStateException when the controller is closed
     */
    public void add(Application application) {
        requireNonNull(application, "application is null");
        checkOpen();
        GitOpsEngine engine = GitOpsEngine.builder().application(application.name())
                .source(new RememberingSource(application.source()))
                .target(application.target()).differ(application.differ()).clock(context.clock())
                .sleeper(context.sleeper()).listener(reconcileListener).build();
        AppRuntime runtime = new AppRuntime(application, engine, context);
        synchronized (apps) {
            if (apps.containsKey(application.name())) {
                throw new IllegalArgumentException("application '" + application.name()
                        + "' is already added; remove it first or choose another name");
            }
            String cycle = context.dependencies().cycleThrough(application);
            if (cycle != null) {
                throw new IllegalArgumentException("application '" + application.name()
                        + "' would close a dependency cycle: " + cycle + "; remove one of these dependsOn entries");
            }
            apps.put(application.name(), runtime);
        }
        runtime.request(RunReason.START);
    }

    /**
     * Removes an application: no further runs; a run in progress finishes. Resources it applied stay;
     * applications that depend on it wait until one of that name is added again and is ready.
     *
     * @param name the application
     * @return whether it was known
     */
    public boolean remove(String name) {
        AppRuntime runtime = apps.remove(requireNonNull(name, "name is null"));
        if (runtime != null) {
            runtime.stop();
        }
        return runtime != null;
    }

    /**
     * Requests a run now with a fresh look at the source, e.g. when a webhook says the repository changed. A
     * request during a run coalesces into one follow-up run; ignored while suspended.
     *
     * @param name the application
     * @throws IllegalArgumentException when the application is unknown
     */
    public void trigger(String name) {
        AppRuntime runtime = runtime(name);
        runtime.request(RunReason.TRIGGER, context.fetches().generation(runtime.application().source().fetchKey()));
    }

    /**
     * Requests a run of every application whose source has a fetch key (e.g. when a webhook names a repository):
     * one of them fetches afresh and the others share that answer. Suspended applications are skipped.
     *
     * @param fetchKey a non-empty {@link io.gitops4j.source.DesiredStateSource#fetchKey()}
     * @return how many applications read from that key
     */
    public int triggerSource(String fetchKey) {
        requireNonNull(fetchKey, "fetchKey is null");
        if (fetchKey.isEmpty()) {
            throw new IllegalArgumentException("fetchKey is empty; trigger applications by name instead");
        }
        List<AppRuntime> readers = apps.values().stream()
                .filter(runtime -> runtime.application().source().fetchKey().equals(fetchKey)).toList();
        long before = context.fetches().generation(fetchKey);
        readers.forEach(runtime -> runtime.request(RunReason.TRIGGER, before));
        return readers.size();
    }

    /**
     * Suspends an application: its timer is cancelled and requests are ignored; a run in progress finishes.
     *
     * @param name the application
     * @throws IllegalArgumentException when the application is unknown
     */
    public void suspend(String name) {
        runtime(name).suspend();
    }

    /**
     * Resumes a suspended application and requests a run now; nothing happens when it is not suspended.
     *
     * @param name the application
     * @throws IllegalArgumentException when the application is unknown
     */
    public void resume(String name) {
        runtime(name).resume();
    }

    /**
     * Reconciles an exact earlier revision now and pins the application there: new revisions are seen (status)
     * but not applied until {@link #unpin(String)}. The declaration in the source stays the truth; the pin shows
     * in {@link ApplicationStatus#pinnedRevision()} and in the history.
     *
     * @param name the application
     * @param revision the revision to return to (its digest, when known, is verified by the source)
     * @throws IllegalArgumentException when the application is unknown
     */
    public void rollback(String name, Revision revision) {
        requireNonNull(revision, "revision is null");
        runtime(name).pin(revision);
    }

    /**
     * Removes a rollback pin and requests a run, which applies the latest revision again.
     *
     * @param name the application
     * @throws IllegalArgumentException when the application is unknown
     */
    public void unpin(String name) {
        runtime(name).unpin();
    }

    /**
     * Returns a snapshot of an application's status.
     *
     * @param name the application
     * @return the status now
     * @throws IllegalArgumentException when the application is unknown
     */
    public ApplicationStatus status(String name) {
        return runtime(name).status();
    }

    /**
     * Returns a snapshot of every application's status, sorted by name.
     *
     * @return an unmodifiable list
     */
    public List<ApplicationStatus> statuses() {
        return apps.values().stream().map(AppRuntime::status).toList();
    }

    /**
     * Returns the last runs of an application, oldest first, at most the configured history size.
     *
     * @param name the application
     * @return an unmodifiable list
     * @throws IllegalArgumentException when the application is unknown
     */
    public List<HistoryEntry> history(String name) {
        return runtime(name).history();
    }

    /**
     * Returns the names of the applications, sorted.
     *
     * @return an unmodifiable list
     */
    public List<String> applications() {
        return List.copyOf(apps.keySet());
    }

    /**
     * Stops the controller: no new runs; runs in progress may finish within the shutdown grace period, then they
     * are interrupted. Idempotent; returns when every run ended or a second grace period passed.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        apps.values().forEach(AppRuntime::stop);
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        try {
            if (!awaitIdle(deadline)) {
                apps.values().forEach(AppRuntime::interrupt);
                if (!awaitIdle(System.nanoTime() + shutdownGrace.toNanos())) {
                    LOG.warn("runs still in progress after interrupting them; giving up waiting");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutdownOwned();
        }
    }

    private boolean awaitIdle(long deadline) throws InterruptedException {
        for (AppRuntime runtime : apps.values()) {
            if (!runtime.awaitIdle(deadline)) {
                return false;
            }
        }
        return true;
    }

    private void shutdownOwned() {
        if (ownedTimer != null) {
            ownedTimer.shutdownNow();
        }
        if (ownedWorkers != null) {
            ownedWorkers.shutdown();
            try {
                ownedWorkers.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ownedWorkers.shutdownNow();
        }
    }

    private void newRevision(String fetchKey, String seenBy) {
        for (AppRuntime runtime : apps.values()) {
            if (!runtime.application().name().equals(seenBy)
                    && runtime.application().source().fetchKey().equals(fetchKey)) {
                runtime.request(RunReason.NEW_REVISION);
            }
        }
    }

    private AppRuntime runtime(String name) {
        requireNonNull(name, "name is null");
        AppRuntime runtime = apps.get(name);
        if (runtime == null) {
            throw new IllegalArgumentException("no application '" + name + "' in this controller; known: "
                    + apps.keySet());
        }
        return runtime;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the controller is closed; create a new one");
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "GitOpsController{applications=" + apps.size() + ", closed=" + closed + "}";
    }
}
