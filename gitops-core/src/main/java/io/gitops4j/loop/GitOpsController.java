package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.cluster.ClusterCoordinator;
import io.gitops4j.cluster.FleetStatus;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.RunFence;
import io.gitops4j.reconcile.Sleeper;
import io.gitops4j.window.SyncWindow;
import io.gitops4j.window.SyncWindows;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;

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
 * Every run starts from the application's {@link Application#reconcileOptions()} (prune, force, prune limit, health
 * timeout, deadline, ...) and sets the revision to load. After each
 * successful run the status's health covers every declared resource: the engine reports those it applied, and
 * those left in sync are observed afresh (one batched call per run, bounded to that application's resources).
 *
 * <p>Sync windows (Argo CD's): with {@link Builder#syncWindows}, a run that a matching deny window blocks, or that
 * falls outside every matching allow window, is skipped rather than failed; the status's
 * {@link ApplicationStatus#blockedBy()} says which window and until when, and the next run is scheduled no later
 * than then. Manual runs ({@link #trigger}, rollback, unpin) pass windows that allow manual sync.
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
    private final ApplicationWorkers apps = new ApplicationWorkers();
    private final ControllerThreads threads;
    private final WorkerContext context;
    private final Duration shutdownGrace;
    private final ReconcileListener reconcileListener;
    private final String runBy;
    private final ClusterCoordinator cluster;
    private final FleetTicker fleet;
    private volatile boolean closed;

    private GitOpsController(Builder b) {
        this.threads = new ControllerThreads(b.scheduler, b.executor, b.workers);
        Sleeper sleeper = b.sleeper != null ? b.sleeper : new SchedulerSleeper(threads.scheduler());
        this.context = new WorkerContext(b.clock, threads.scheduler(), sleeper, threads.pool(),
                new GuardedControllerListener(b.listener), b.random, new SharedFetches(b.clock), b.historySize,
                apps::newRevision, apps.dependencies(), b.cluster == null ? name -> true : b.cluster::owns,
                SyncWindows.of(b.windows));
        this.runBy = b.runBy;
        this.cluster = b.cluster;
        this.fleet = cluster == null ? null : new FleetTicker(cluster, apps, threads.scheduler());
        if (fleet != null) {
            fleet.start();
        }
        this.shutdownGrace = b.shutdownGrace;
        this.reconcileListener = b.reconcileListener;
    }

    /**
     * Returns a builder with the defaults: system UTC clock, own timer thread, health waits that sleep on it, 4
     * workers, no listener, 20 history entries per application in memory, runs recorded as {@code user@host}, 30 s shutdown grace.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
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
        GitOpsEngine.Builder engineBuilder = GitOpsEngine.builder().application(application.name())
                .source(new RememberingSource(application.source()))
                .target(application.target()).differ(application.differ()).clock(context.clock())
                .sleeper(context.sleeper()).listener(reconcileListener)
                .fence(cluster == null ? RunFence.NONE : cluster.fence());
        GitOpsEngine engine = (runBy == null ? engineBuilder : engineBuilder.runBy(runBy)).build();
        ApplicationWorker worker = new ApplicationWorker(application, engine, context);
        apps.register(worker);
        worker.request(RunReason.START);
    }

    /**
     * Removes an application: no further runs; a run in progress finishes. Resources it applied stay;
     * applications that depend on it wait until one of that name is added again and is ready.
     *
     * @param name the application
     * @return whether it was known
     */
    public boolean remove(String name) {
        return apps.remove(requireNonNull(name, "name is null"));
    }

    /**
     * Requests a run now with a fresh look at the source, e.g. when a webhook says the repository changed. A
     * request during a run coalesces into one follow-up run; ignored while suspended. It counts as a manual sync
     * for {@link Builder#syncWindows sync windows}.
     *
     * @param name the application
     * @throws IllegalArgumentException when the application is unknown
     */
    public void trigger(String name) {
        ApplicationWorker worker = worker(name);
        worker.request(RunReason.TRIGGER, context.fetches().generation(worker.application().source().fetchKey()),
                true);
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
        List<ApplicationWorker> readers = apps.readersOf(fetchKey);
        long before = context.fetches().generation(fetchKey);
        readers.forEach(worker -> worker.request(RunReason.TRIGGER, before, false));
        return readers.size();
    }

    /**
     * Suspends an application: its timer is cancelled and requests are ignored; a run in progress finishes.
     *
     * @param name the application
     * @throws IllegalArgumentException when the application is unknown
     */
    public void suspend(String name) {
        worker(name).suspend();
    }

    /**
     * Resumes a suspended application and requests a run now; nothing happens when it is not suspended.
     *
     * @param name the application
     * @throws IllegalArgumentException when the application is unknown
     */
    public void resume(String name) {
        worker(name).resume();
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
        worker(name).pin(revision);
    }

    /**
     * Rolls an application back to its last good revision and pins it there, as {@link #rollback(String, Revision)}
     * does: the revision of the newest run in its target's {@link io.gitops4j.target.Target#historyStore() history}
     * that applied or converged a revision other than the one applied now and became healthy
     * ({@link RunRecord#rollbackPoint()}). A run whose health wait failed or timed out is never chosen.
     *
     * @param name the application
     * @return the revision rolled back to
     * @throws IllegalArgumentException when the application is unknown
     * @throws IllegalStateException when the history holds no such run
     * @throws io.gitops4j.TargetException when the history cannot be read
     */
    public Revision rollback(String name) {
        ApplicationWorker worker = worker(name);
        String current = worker.status().lastAppliedRevision().map(Revision::id).orElse("");
        Revision revision = worker.application().target().historyStore().lastRollbackPoint(name, current)
                .flatMap(RunRecord::revision).orElseThrow(() -> new IllegalStateException("no run of " + name
                        + " before " + (current.isEmpty() ? "now" : current) + " applied a revision that became "
                        + "healthy; roll back to an explicit revision with rollback(name, revision)"));
        worker.pin(revision);
        return revision;
    }

    /**
     * Returns the run records of an application kept in its target's
     * {@link io.gitops4j.target.Target#historyStore() history store}, newest first: the runs of every process
     * that reconciled it there (a converged run repeating an engine's last record is not recorded again), unlike {@link #history(String)}, which holds this controller's runs.
     *
     * @param name the application
     * @return an unmodifiable list
     * @throws IllegalArgumentException when the application is unknown
     * @throws io.gitops4j.TargetException when the history cannot be read
     */
    public List<RunRecord> records(String name) {
        return worker(name).application().target().historyStore().list(name);
    }

    /**
     * Removes a rollback pin and requests a run, which applies the latest revision again.
     *
     * @param name the application
     * @throws IllegalArgumentException when the application is unknown
     */
    public void unpin(String name) {
        worker(name).unpin();
    }

    /**
     * Returns a snapshot of an application's status.
     *
     * @param name the application
     * @return the status now
     * @throws IllegalArgumentException when the application is unknown
     */
    public ApplicationStatus status(String name) {
        return worker(name).status();
    }

    /**
     * Returns a snapshot of every application's status, sorted by name.
     *
     * @return an unmodifiable list
     */
    public List<ApplicationStatus> statuses() {
        return apps.all().stream().map(ApplicationWorker::status).toList();
    }

    /**
     * Returns the last runs of an application, oldest first, at most the configured history size.
     *
     * @param name the application
     * @return an unmodifiable list
     * @throws IllegalArgumentException when the application is unknown
     */
    public List<HistoryEntry> history(String name) {
        return worker(name).history();
    }

    /**
     * Returns what this replica knows of its fleet, when the controller is one replica of several
     * ({@link Builder#cluster}): the live replicas, the leader, which replica owns each application, and what this
     * one owns.
     *
     * @return the fleet's status, or empty for a controller that runs alone
     */
    public Optional<FleetStatus> fleet() {
        return cluster == null ? Optional.empty() : Optional.of(cluster.status());
    }

    /**
     * Returns the names of the applications, sorted.
     *
     * @return an unmodifiable list
     */
    public List<String> applications() {
        return apps.names();
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
        if (fleet != null) {
            fleet.stop();
        }
        try {
            apps.stopAll(shutdownGrace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            threads.shutdownOwned();
        }
    }

    private ApplicationWorker worker(String name) {
        return apps.get(requireNonNull(name, "name is null"));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the controller is closed; create a new one");
        }
    }

    @Override
    public String toString() {
        return "GitOpsController{applications=" + apps.size() + ", closed=" + closed + "}";
    }

    /**
     * Configures a {@link GitOpsController}, from {@link GitOpsController#builder()}: clock, scheduler, workers or an
     * executor, listeners, history and shutdown grace, each with the default the controller lists.
     *
     * <p>Not thread-safe; the controller it builds is.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler;
        private Sleeper sleeper;
        private Executor executor;
        private int workers = 4;
        private ControllerListener listener = ControllerListener.NOOP;
        private ReconcileListener reconcileListener = ReconcileListener.NOOP;
        private int historySize = 20;
        private String runBy;
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private Random random = new Random();
        private ClusterCoordinator cluster;
        private final List<SyncWindow> windows = new ArrayList<>();

        private Builder() {
        }

        /**
         * Makes this controller one replica of a fleet: it runs only the applications it owns, by the coordinator's
         * leases (sharded, or all of them while it is the leader), takes over those of replicas that died, and every
         * run checks its claim before each write phase. The controller ticks the coordinator every retry period on
         * its timer and {@link GitOpsController#close() close} leaves the fleet (releases its claims). Give every
         * replica the same applications; each owns its share.
         *
         * @param value the coordinator, used by this controller only
         * @return this builder
         */
        public Builder cluster(ClusterCoordinator value) {
            this.cluster = requireNonNull(value, "cluster is null");
            return this;
        }

        /**
         * Sets the clock for run times, statuses and history (default the UTC system clock). Use the same clock
         * the scheduler uses.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock is null");
            return this;
        }

        /**
         * Sets the scheduler that fires intervals and retries (default: a daemon timer thread the controller owns
         * and stops on {@link #close()}).
         *
         * @param value the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler value) {
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
        public Builder sleeper(Sleeper value) {
            this.sleeper = requireNonNull(value, "sleeper is null");
            return this;
        }

        /**
         * Sets the number of worker threads that run reconciles (default 4), when no {@link #executor} is set.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder workers(int value) {
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
        public Builder executor(Executor value) {
            this.executor = requireNonNull(value, "executor is null");
            return this;
        }

        /**
         * Sets the listener (default {@link ControllerListener#NOOP}).
         *
         * @param value the listener; must be fast, thread-safe, and must not throw
         * @return this builder
         */
        public Builder listener(ControllerListener value) {
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
        public Builder reconcileListener(ReconcileListener value) {
            this.reconcileListener = requireNonNull(value, "reconcileListener is null");
            return this;
        }

        /**
         * Sets how many runs each application keeps in memory (default 20).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder historySize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("historySize must be at least 1: " + value);
            }
            this.historySize = value;
            return this;
        }

        /**
         * Sets the identity the controller's runs are recorded under in each target's
         * {@link io.gitops4j.target.Target#historyStore() history} (default {@code user@host} of this process; a
         * controller in a pod would say, for example, {@code gitops4j-controller/<pod name>}).
         *
         * @param value the identity
         * @return this builder
         */
        public Builder runBy(String value) {
            this.runBy = requireNonNull(value, "runBy is null");
            return this;
        }

        /**
         * Sets how long {@link #close()} lets running reconciles finish before interrupting them (default 30 s).
         *
         * @param value not negative
         * @return this builder
         */
        public Builder shutdownGrace(Duration value) {
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
        public Builder random(Random value) {
            this.random = requireNonNull(value, "random is null");
            return this;
        }

        /**
         * Adds sync windows (default none), each applying to the applications its patterns match; see
         * {@link SyncWindows} for how they combine. A run a window blocks is skipped, not failed:
         * {@link ApplicationStatus#blockedBy()} says which window and until when,
         * {@link ControllerListener#runBlocked} is called, and the next run is scheduled no later than that instant
         * (as {@link RunReason#WINDOW_OPEN}). Manual syncs, which a window with
         * {@link SyncWindow#manualSync()} lets through, are the runs asked for by {@link GitOpsController#trigger},
         * {@link GitOpsController#rollback(String, Revision) rollback} and {@link GitOpsController#unpin unpin};
         * interval runs, new revisions, {@link GitOpsController#triggerSource} (a webhook) and retries are
         * automatic. Windows read the controller's {@link #clock}.
         *
         * @param values the windows
         * @return this builder
         */
        public Builder syncWindows(SyncWindow... values) {
            for (SyncWindow window : values) {
                windows.add(requireNonNull(window, "sync window is null"));
            }
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
}
