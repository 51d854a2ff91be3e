package io.gitops4j.k8s;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.Drift;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes Kubernetes Events (core/v1) about what gitops4j does, so that {@code kubectl describe} and
 * {@code kubectl events} show it as they show Argo CD's and Flux's: {@link EventReason#APPLIED},
 * {@link EventReason#PRUNED}, {@link EventReason#APPLY_FAILED} and {@link EventReason#PRUNE_FAILED} on the objects
 * (with their uid, so {@code describe} finds them), {@link EventReason#DRIFT_DETECTED} on drifted objects, and
 * {@link EventReason#IN_SYNC} (once per revision) and {@link EventReason#TIMED_OUT} on the application's inventory
 * ConfigMap, which also carries the events of objects that do not exist (a failed create) or whose kind the
 * cluster does not serve. Events carry {@code source.component} and {@code reportingComponent} {@code gitops4j}.
 *
 * <p>Rate-limited like kubectl's event series: one object and reason writes at most one Event per
 * {@link Builder#rateLimit window}; occurrences inside the window are counted, and the next write after it updates
 * the same Event's {@code count}, {@code lastTimestamp} and message. Dry runs (a controller's drift checks) write
 * no step events.
 *
 * <p>Messages name the application, the object, the revision and field paths, never values: the target's error
 * of a failed step is left out for Secrets and has every quoted string masked for other kinds.
 *
 * <p>It is both listeners: pass it to the engine (or {@code GitOpsController.Builder.reconcileListener}) and,
 * for drift, to the controller's {@code listener}:
 *
 * <pre>{@code
 * KubernetesEvents events = KubernetesEvents.builder().target(target).build();
 * GitOpsController.builder().reconcileListener(events).listener(events).build();
 * }</pre>
 *
 * <p>Thread-safe. Writes happen on the {@link Builder#executor executor}, by default inline on the thread that
 * reports the event (one GET and one write per Event, bounded by the client's request timeout); failed writes are
 * logged and dropped, never thrown.
 */
public final class KubernetesEvents implements ReconcileListener, ControllerListener {
    /** The component and reporting controller named on every Event unless configured otherwise. */
    public static final String DEFAULT_COMPONENT = "gitops4j";
    /** How long one object and reason stay quiet after an Event unless configured otherwise. */
    public static final Duration DEFAULT_RATE_LIMIT = Duration.ofMinutes(5);

    private static final int MAX_SERIES = 10_000;
    private static final int MAX_OBJECT_NAME = 200;

    private final EventWriter writer;
    private final EventSeries series;
    private final Clock clock;
    private final Executor executor;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentHashMap<String, RunState> runs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> inSyncRevisions = new ConcurrentHashMap<>();

    private KubernetesEvents(Builder b) {
        this.writer = new EventWriter(b.target.client(), b.target.types(), b.target.inventoryNamespace(),
                b.component, b.instance != null ? b.instance : b.component);
        this.series = new EventSeries(b.rateLimit, MAX_SERIES);
        this.clock = b.clock;
        this.executor = b.executor;
    }

    /**
     * Returns a builder; {@link Builder#target} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void started(String application, ReconcileOptions options) {
        runs.put(application, new RunState(options.dryRun()));
    }

    @Override
    public void loaded(String application, Revision revision, int resources) {
        RunState run = runs.get(application);
        if (run != null) {
            run.revision = revision.id();
            run.resources = resources;
        }
    }

    @Override
    public void stepApplied(String application, StepResult step) {
        RunState run = run(application);
        if (!run.dryRun && step.status() == StepResult.Status.APPLIED) {
            record(application, step.key(), EventReason.APPLIED,
                    EventMessages.applied(application, run.revision, step), false, "");
        }
    }

    @Override
    public void stepFailed(String application, StepResult step) {
        RunState run = run(application);
        if (!run.dryRun) {
            EventReason reason = step.action() == ChangeType.DELETE ? EventReason.PRUNE_FAILED
                    : EventReason.APPLY_FAILED;
            record(application, step.key(), reason, EventMessages.failed(application, run.revision, step), false, "");
        }
    }

    @Override
    public void pruned(String application, StepResult step) {
        RunState run = run(application);
        if (!run.dryRun && step.status() == StepResult.Status.DELETED) {
            record(application, step.key(), EventReason.PRUNED, EventMessages.pruned(application, run.revision, step),
                    true, "");
        }
    }

    @Override
    public void finished(ReconcileResult result) {
        String application = result.application();
        RunState run = run(application);
        runs.remove(application);
        if (result.outcome() == Outcome.TIMED_OUT) {
            record(application, null, EventReason.TIMED_OUT,
                    EventMessages.timedOut(application, run.revision, result.timedOutAt().orElse("?")), false, "");
            return;
        }
        boolean inSync = result.succeeded() && !(result.outcome() == Outcome.DRY_RUN && result.plan().hasChanges());
        if (inSync && result.revision().isPresent()) {
            String revision = result.revision().get().id();
            if (!revision.equals(inSyncRevisions.put(application, revision))) {
                record(application, null, EventReason.IN_SYNC,
                        EventMessages.inSync(application, revision, run.resources), false, "@" + revision);
            }
        }
    }

    @Override
    public void driftDetected(String application, Revision revision, List<Drift> drift, boolean corrected) {
        for (Drift each : drift) {
            record(application, each.key(), EventReason.DRIFT_DETECTED,
                    EventMessages.drifted(application, revision.id(), each, corrected),
                    each.action() == ChangeType.CREATE, "");
        }
    }

    private RunState run(String application) {
        RunState run = runs.get(application);
        return run != null ? run : new RunState(false);
    }

    /** Counts one occurrence and writes (or updates) its Event unless the series is inside its window. */
    private void record(String application, ResourceKey key, EventReason reason, String message, boolean mayBeGone,
                        String seriesSuffix) {
        Instant now = clock.instant();
        String seriesKey = application + '\n' + (key == null ? "inventory" : key.toString()) + '\n' + reason
                + seriesSuffix;
        EventSeries.Decision decision = series.occur(seriesKey, now);
        if (decision.action() == EventSeries.Action.SUPPRESS) {
            return;
        }
        executor.execute(() -> write(application, key, reason, message, mayBeGone, seriesKey, decision, now));
    }

    private void write(String application, ResourceKey key, EventReason reason, String message, boolean mayBeGone,
                       String seriesKey, EventSeries.Decision decision, Instant now) {
        if (decision.action() == EventSeries.Action.UPDATE
                && writer.update(decision.namespace(), decision.name(), message, decision.count(), now)) {
            return;
        }
        EventWriter.Involved involved = writer.involved(application, key, mayBeGone);
        String objectName = involved.reference().getName();
        String name = objectName.substring(0, Math.min(objectName.length(), MAX_OBJECT_NAME)) + "."
                + Long.toHexString(now.toEpochMilli()) + Long.toHexString(sequence.incrementAndGet());
        series.written(seriesKey, involved.eventNamespace(), name);
        writer.create(involved, name, reason, message, decision.count(), decision.first(), now);
    }

    @Override
    public String toString() {
        return "KubernetesEvents{rateLimit=" + series + "}";
    }

    /** What one run of an application has told so far. Written and read on the run's thread. */
    private static final class RunState {
        final boolean dryRun;
        volatile String revision = "(not loaded)";
        volatile int resources;

        RunState(boolean dryRun) {
            this.dryRun = dryRun;
        }
    }

    /**
     * Configures {@link KubernetesEvents}: the target whose client and inventory namespace it uses, the rate
     * limit, the clock, the component name and where writes run. Not thread-safe.
     */
    public static final class Builder {
        private KubernetesTarget target;
        private Duration rateLimit = DEFAULT_RATE_LIMIT;
        private Clock clock = Clock.systemUTC();
        private String component = DEFAULT_COMPONENT;
        private String instance;
        private Executor executor = Runnable::run;

        private Builder() {
        }

        /**
         * Writes through this target's client, resolving kinds through its discovery, with the inventory
         * ConfigMaps in its inventory namespace (required).
         *
         * @param value the target the engine applies to
         * @return this builder
         */
        public Builder target(KubernetesTarget value) {
            this.target = requireNonNull(value, "target is null");
            return this;
        }

        /**
         * Sets how long one object and reason stay quiet after an Event (default {@link #DEFAULT_RATE_LIMIT});
         * occurrences in between are counted into the next write.
         *
         * @param value a non-negative duration; zero writes every occurrence
         * @return this builder
         */
        public Builder rateLimit(Duration value) {
            requireNonNull(value, "rateLimit is null");
            if (value.isNegative()) {
                throw new IllegalArgumentException("rateLimit must not be negative: " + value);
            }
            this.rateLimit = value;
            return this;
        }

        /**
         * Sets the clock of Event times and of the rate limit (default the UTC system clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "clock is null");
            return this;
        }

        /**
         * Sets the {@code source.component} and {@code reportingComponent} of the Events (default
         * {@link #DEFAULT_COMPONENT}), e.g. the name of the tool that embeds gitops4j.
         *
         * @param value a non-empty name
         * @return this builder
         */
        public Builder component(String value) {
            this.component = nonEmpty(value, "component");
            return this;
        }

        /**
         * Sets the {@code reportingInstance} of the Events (default the component), e.g. the pod name.
         *
         * @param value a non-empty name
         * @return this builder
         */
        public Builder instance(String value) {
            this.instance = nonEmpty(value, "instance");
            return this;
        }

        /**
         * Runs the API calls that write Events on an executor the caller owns (default inline, on the thread that
         * reports the event), e.g. one thread so that runs never wait on them.
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = requireNonNull(value, "executor is null");
            return this;
        }

        /**
         * Builds the listener.
         *
         * @return the listener
         * @throws IllegalStateException when no target is set
         */
        public KubernetesEvents build() {
            if (target == null) {
                throw new IllegalStateException("set target(...): events are written through its client");
            }
            return new KubernetesEvents(this);
        }

        private static String nonEmpty(String value, String what) {
            requireNonNull(value, what + " is null");
            if (value.isEmpty()) {
                throw new IllegalArgumentException(what + " is empty");
            }
            return value;
        }
    }
}
