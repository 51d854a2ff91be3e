package io.gitops4j.reconcile;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.plan.Planner;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.target.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.MDC;

/**
 * The default {@link Reconciler}: makes one target match one source for one application.
 *
 * <p>A run loads the desired state (the latest, or {@link ReconcileOptions#revision()}); resolves every key with
 * {@link Target#resolve} and stamps every object with
 * {@value io.gitops4j.kinds.WellKnownMetadata#TRACKING_ID}; loads the inventory;
 * observes the desired and owned keys; diffs; plans; applies creates and updates in plan order (in-sync resources
 * only when forcing), skipping later waves after a failure; saves the inventory (owned keys plus applied keys);
 * deletes owned keys desired no longer declares, in reverse order, unless prune is off, something failed, or the
 * prune-safety limit refuses; saves the final inventory; and, when asked, waits for the applied resources to be
 * healthy. A dry run asks the target to validate without storing and never saves the inventory. Every run that is
 * neither a {@link #plan plan} nor a dry run is recorded in the target's
 * {@link io.gitops4j.target.Target#historyStore() history store} as a {@link io.gitops4j.inventory.RunRecord}: its
 * revision, outcome, whether what it applied became healthy, times, {@link Builder#runBy runner}, counts and an
 * error summary with credential-like values masked; a record that cannot be written is logged and leaves the
 * result as it is.
 *
 * <p>Logs go through SLF4J with the MDC keys {@value #MDC_APPLICATION}, {@value #MDC_REVISION} and
 * {@value #MDC_RESOURCE}; logs name keys, never bodies. Thread-safe: concurrent calls run one after the other.
 *
 * <pre>{@code
 * GitOpsEngine engine = GitOpsEngine.builder()
 *         .application("shop")
 *         .source(source)
 *         .target(target)
 *         .build();
 * ReconcileResult result = engine.reconcile();
 * }</pre>
 */
public final class GitOpsEngine implements Reconciler {
    /** MDC key holding the application name during a run. */
    public static final String MDC_APPLICATION = "gitops4j.application";
    /** MDC key holding the loaded revision id during a run. */
    public static final String MDC_REVISION = "gitops4j.revision";
    /** MDC key holding the key of the resource being applied or deleted. */
    public static final String MDC_RESOURCE = "gitops4j.resource";

    private final EngineContext context;
    private final String runBy;
    private final RunRecorder recorder;
    private final ReentrantLock lock = new ReentrantLock();

    private GitOpsEngine(EngineContext context, String runBy, RunRecorder recorder) {
        this.context = context;
        this.runBy = runBy;
        this.recorder = recorder;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the application this engine reconciles.
     *
     * @return the application name
     */
    public String application() {
        return context.application();
    }

    @Override
    public ReconcileResult reconcile(ReconcileOptions options) {
        requireNonNull(options, "options is null");
        return run(options, false);
    }

    /**
     * Plans a reconcile without writing to the target, not even as a server dry run: loads, resolves, stamps,
     * observes, diffs and plans exactly as {@link #reconcile(ReconcileOptions)} would, applying the same per-object
     * options and ownership filters, and stops. Unlike a dry run it can plan a first deployment whose objects live
     * in a namespace the same plan creates. The inventory is read, never saved.
     *
     * @param options the options of the run being planned ({@code dryRun} is implied; {@code revision} is honoured)
     * @return a result with the plan: {@code CONVERGED} when nothing would change, {@code DRY_RUN} when something
     *     would, {@code FAILED} with the error or the resources that cannot be prepared, and with what applying the
     *     plan would refuse: apply steps over objects another application owns (failed steps) and prunes the
     *     safety limit refuses (the error)
     */
    public ReconcileResult plan(ReconcileOptions options) {
        requireNonNull(options, "options is null");
        return run(options, true);
    }

    /**
     * Plans a reconcile with the default options; see {@link #plan(ReconcileOptions)}.
     *
     * @return a result with the plan
     */
    public ReconcileResult plan() {
        return plan(ReconcileOptions.defaults());
    }

    private ReconcileResult run(ReconcileOptions options, boolean planOnly) {
        lock.lock();
        try {
            MDC.put(MDC_APPLICATION, context.application());
            ReconcileResult result = new EngineRun(context, options, planOnly).run();
            if (!planOnly) {
                recorder.record(context.target(), result, options, runBy);
            }
            return result;
        } finally {
            MDC.remove(MDC_RESOURCE);
            MDC.remove(MDC_REVISION);
            MDC.remove(MDC_APPLICATION);
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "GitOpsEngine{application=" + context.application() + ", source=" + context.source().describe() + "}";
    }

    /** Configures a {@link GitOpsEngine}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private String application;
        private DesiredStateSource source;
        private Target target;
        private StateDiffer differ;
        private Planner planner;
        private ReconcileListener listener = ReconcileListener.NOOP;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Duration healthPollInterval = Duration.ofSeconds(2);
        private String runBy;
        private RunFence fence = RunFence.NONE;
        private boolean recordEveryRun;

        private Builder() {
        }

        /**
         * Sets who or what runs this engine, as its run records name it (default {@code user@host} of this
         * process: the {@code user.name} system property and the host name).
         *
         * @param value for example {@code alice@laptop} or a controller's identity
         * @return this builder
         */
        public Builder runBy(String value) {
            this.runBy = requireNonNull(value, "runBy is null");
            return this;
        }

        /**
         * Sets the application name, which names the inventory and appears in tracking ids (required).
         *
         * @param name non-blank, without {@code ':'}
         * @return this builder
         */
        public Builder application(String name) {
            requireNonNull(name, "application is null");
            if (name.isBlank() || name.contains(":")) {
                throw new IllegalArgumentException("application must be non-blank and contain no ':': '" + name + "'");
            }
            this.application = name;
            return this;
        }

        /**
         * Sets where the desired state comes from (required).
         *
         * @param value the source
         * @return this builder
         */
        public Builder source(DesiredStateSource value) {
            this.source = requireNonNull(value, "source is null");
            return this;
        }

        /**
         * Sets where the desired state is applied (required).
         *
         * @param value the target
         * @return this builder
         */
        public Builder target(Target value) {
            this.target = requireNonNull(value, "target is null");
            return this;
        }

        /**
         * Sets the differ (default {@link DefaultStateDiffer#defaults()}). The engine remembers its last run and
         * asks the differ, one resource at a time, only about pairs whose desired or live object is not the very
         * same instance as last run; the differ must be a pure function of its inputs.
         *
         * @param value the differ
         * @return this builder
         */
        public Builder differ(StateDiffer value) {
            this.differ = requireNonNull(value, "differ is null");
            return this;
        }

        /**
         * Sets the planner (default {@link Planner#defaults()}); the engine keeps the step of every resource diff
         * it reuses from its last run.
         *
         * @param value the planner
         * @return this builder
         */
        public Builder planner(Planner value) {
            this.planner = requireNonNull(value, "planner is null");
            return this;
        }

        /**
         * Sets the listener that receives run events (default {@link ReconcileListener#NOOP}).
         *
         * @param value the listener; must be fast and must not throw
         * @return this builder
         */
        public Builder listener(ReconcileListener value) {
            this.listener = requireNonNull(value, "listener is null");
            return this;
        }

        /**
         * Sets the clock for timings and the health-wait deadline (default the UTC system clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock is null");
            return this;
        }

        /**
         * Sets how the health wait pauses between polls (default {@link Sleeper#system()}).
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = requireNonNull(value, "sleeper is null");
            return this;
        }

        /**
         * Sets the pause between health polls (default 2 seconds).
         *
         * @param value positive
         * @return this builder
         */
        public Builder healthPollInterval(Duration value) {
            requireNonNull(value, "healthPollInterval is null");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("healthPollInterval must be positive: " + value);
            }
            this.healthPollInterval = value;
            return this;
        }

        /**
         * Sets the fence every run asks before each phase that writes to the target (default {@link RunFence#NONE}):
         * a replica of a sharded controller passes its claim check, so that a run which lost its application to
         * another replica stops before writing.
         *
         * @param value the fence
         * @return this builder
         */
        public Builder fence(RunFence value) {
            this.fence = requireNonNull(value, "fence is null");
            return this;
        }

        /**
         * Sets whether a converged run that repeats the last run record is recorded again (default {@code false}:
         * the history records changes, as Argo CD's sync history does, and a steady state sends no write to the
         * history store; listeners, metrics and controller status still see every run). {@code true} records every
         * run that is not a plan or a dry run, which keeps the newest record's time current at the cost of a write
         * (and, on Kubernetes, a ConfigMap churned) per run.
         *
         * @param value {@code true} to record every run
         * @return this builder
         */
        public Builder recordEveryRun(boolean value) {
            this.recordEveryRun = value;
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         * @throws IllegalStateException when the application, source or target is missing
         */
        public GitOpsEngine build() {
            if (application == null || source == null || target == null) {
                throw new IllegalStateException("application, source and target are required; missing:"
                        + (application == null ? " application" : "") + (source == null ? " source" : "")
                        + (target == null ? " target" : ""));
            }
            StateDiffer chosen = differ != null ? differ : DefaultStateDiffer.defaults();
            Planner planning = planner != null ? planner : Planner.defaults();
            return new GitOpsEngine(new EngineContext(application, source, target, chosen, planning,
                    new GuardedListener(listener), clock, sleeper, healthPollInterval, new RunMemo(chosen, planning), fence),
                    runBy != null ? runBy : RunnerName.ofProcess(), new RunRecorder(recordEveryRun));
        }
    }
}
