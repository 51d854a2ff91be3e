package io.gitops4j.reconcile;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Maps;
import io.gitops4j.health.Health;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one reconcile run did: the revision, how it ended ({@link RunOutcome}, or simply {@link Outcome}), the
 * {@link Plan}, one {@link StepResult} per step in execution order, one {@link HookResult} per hook, the run-level
 * error if any, timings, and the health of the applied resources.
 *
 * <p>Immutable and thread-safe. Renders without resource bodies, so it is safe to log.
 */
public final class ReconcileResult {

    /** How a run ended. More outcomes may be added. */
    public enum Outcome {
        /** Nothing to do: live already matched desired (skipped prunes, when prune is off, are listed). */
        CONVERGED,
        /** Changes were applied and every step succeeded. */
        APPLIED,
        /**
         * The load, observe, plan or inventory failed, a step or a hook failed, or the prune limit refused
         * deletions.
         */
        FAILED,
        /** A dry run: the target validated the changes and nothing was stored. */
        DRY_RUN,
        /**
         * The run passed its {@linkplain ReconcileOptions#deadline() deadline} and stopped at a step boundary:
         * {@link #timedOutAt()} names the step, the remaining steps are skipped, nothing is pruned, and
         * {@link #unhealthy()} lists what was not healthy yet.
         */
        TIMED_OUT
    }

    private final String application;
    private final Revision revision;
    private final String renderedBy;
    private final RunOutcome outcome;
    private final Plan plan;
    private final List<StepResult> steps;
    private final List<HookResult> hooks;
    private final String error;
    private final Instant started;
    private final Instant finished;
    private final ImmutableSortedMap<ResourceKey, Health> health;
    private final List<String> warnings;

    private ReconcileResult(Builder builder) {
        this.application = requireNonNull(builder.application, "application is null");
        this.revision = builder.revision;
        this.renderedBy = builder.renderedBy;
        this.outcome = requireNonNull(builder.outcome, "outcome is null");
        this.plan = requireNonNull(builder.plan, "plan is null");
        this.steps = List.copyOf(builder.steps);
        this.hooks = List.copyOf(builder.hooks);
        this.error = builder.error;
        this.started = requireNonNull(builder.started, "started is null");
        this.finished = requireNonNull(builder.finished, "finished is null");
        this.health = ImmutableSortedMap.copyOf(builder.health);
        this.warnings = List.copyOf(builder.warnings);
    }

    /**
     * Returns what the run warns about without failing: sync options it did not understand (each naming the
     * option and the object or application it was read from), which it ignored.
     *
     * @return the warnings, in the order found; empty when there are none
     */
    public List<String> warnings() {
        return warnings;
    }

    static Builder builder(String application, Instant started) {
        return new Builder(application, started);
    }

    /**
     * Returns the application reconciled.
     *
     * @return the application name
     */
    public String application() {
        return application;
    }

    /**
     * Returns the revision that was loaded.
     *
     * @return the revision, or empty when the load failed
     */
    public Optional<Revision> revision() {
        return Optional.ofNullable(revision);
    }

    /**
     * Returns the name of the renderer that produced the loaded state ({@link DesiredState#renderedBy()}), as
     * Argo CD's application status names its source type.
     *
     * @return e.g. {@code kustomize (native)} or {@code helm}; {@code ""} for plain manifests, a source that does
     *     not say, or when the load failed
     */
    public String renderedBy() {
        return renderedBy;
    }

    /**
     * Returns how the run ended, simply.
     *
     * @return the outcome; the {@link RunOutcome#kind()} of {@link #runOutcome()}
     */
    public Outcome outcome() {
        return outcome.kind();
    }

    /**
     * Returns how the run ended, with what went wrong or the step it timed out at.
     *
     * @return the run outcome
     */
    public RunOutcome runOutcome() {
        return outcome;
    }

    /**
     * Tells whether the run ended without failure.
     *
     * @return {@code true} unless the outcome is {@link Outcome#FAILED} or {@link Outcome#TIMED_OUT}
     */
    public boolean succeeded() {
        return outcome.succeeded();
    }

    /**
     * Returns the step the run was about to take when it passed its deadline.
     *
     * @return e.g. {@code "applying ConfigMap/shop/b"} or {@code "waiting for health"}; empty unless the outcome
     *     is {@link Outcome#TIMED_OUT}
     */
    public Optional<String> timedOutAt() {
        return outcome instanceof RunOutcome.TimedOut timedOut ? Optional.of(timedOut.step()) : Optional.empty();
    }

    /**
     * Returns the plan the run executed.
     *
     * @return the plan; {@link Plan#empty()} when the run failed before planning
     */
    public Plan plan() {
        return plan;
    }

    /**
     * Returns one result per step, in execution order: resources that failed before planning, applies, then
     * deletes.
     *
     * @return an unmodifiable list
     */
    public List<StepResult> steps() {
        return steps;
    }

    /**
     * Returns one result per hook of a run that synced something, in run order: the PreSync hooks, the Sync hooks
     * (each after the resources of its wave), the PostSync hooks, the SyncFail hooks; hooks that are not run
     * ({@code Skip}, {@code PostDelete}, unsupported Helm hooks, every hook of a dry run) are listed as skipped
     * with the reason, where the run begins to sync.
     *
     * @return an unmodifiable list; empty for a run that synced nothing
     */
    public List<HookResult> hooks() {
        return hooks;
    }

    /**
     * Returns the result of one resource's step.
     *
     * @param key the resource
     * @return its step result, or empty when it had no step
     */
    public Optional<StepResult> step(ResourceKey key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Returns the failed steps.
     *
     * @return an unmodifiable list, in execution order
     */
    public List<StepResult> failedSteps() {
        return steps.stream().filter(StepResult::isFailed).toList();
    }

    /**
     * Returns the run-level failure: why the desired state could not be loaded, the live state observed, the
     * plan made or the inventory saved, why prune was refused, or that the run passed its deadline.
     *
     * @return the message, or empty when there was none (step failures are in {@link #failedSteps()})
     */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Returns when the run started.
     *
     * @return the start instant, from the engine's clock
     */
    public Instant started() {
        return started;
    }

    /**
     * Returns when the run finished.
     *
     * @return the finish instant, from the engine's clock
     */
    public Instant finished() {
        return finished;
    }

    /**
     * Returns how long the run took.
     *
     * @return the time between start and finish
     */
    public Duration duration() {
        return Duration.between(started, finished);
    }

    /**
     * Returns the health of the resources this run applied, as last observed (after the health wait, if any).
     *
     * @return an unmodifiable map sorted by key; empty for dry runs and runs that applied nothing
     */
    public SortedMap<ResourceKey, Health> health() {
        return health;
    }

    /**
     * Returns the applied resources that were not healthy when last observed.
     *
     * @return an unmodifiable map sorted by key; empty when all were healthy
     */
    public SortedMap<ResourceKey, Health> unhealthy() {
        return ImmutableSortedMap.copyOf(Maps.filterValues(health, h -> !h.isHealthy()));
    }

    /**
     * Tells whether every applied resource was healthy when last observed.
     *
     * @return {@code true} when no reported health is unhealthy
     */
    public boolean healthy() {
        return health.values().stream().allMatch(Health::isHealthy);
    }

    /**
     * Renders a one-line summary: application, revision, the renderer (when one ran), outcome, plan summary and
     * error; never bodies.
     */
    @Override
    public String toString() {
        return "ReconcileResult{application=" + application + ", revision=" + revision
                + (renderedBy.isEmpty() ? "" : ", renderedBy=" + renderedBy) + ", outcome=" + outcome()
                + ", " + plan.summary() + timedOutAt().map(step -> ", timedOutAt=" + step).orElse("")
                + (error == null ? "" : ", error=" + error) + ", failed="
                + failedSteps().size() + (hooks.isEmpty() ? "" : ", hooks=" + hooks.size()) + ", duration="
                + duration() + "}";
    }

    /** Collects the parts of a result during a run. Not thread-safe. */
    static final class Builder {
        private final String application;
        private final Instant started;
        private final List<StepResult> steps = new ArrayList<>();
        private final List<HookResult> hooks = new ArrayList<>();
        private final TreeMap<ResourceKey, Health> health = new TreeMap<>();
        private final List<String> warnings = new ArrayList<>();
        private Revision revision;
        private String renderedBy = "";
        private RunOutcome outcome;
        private Plan plan = Plan.empty();
        private String error;
        private Instant finished;
        private SecretScrubber secrets = SecretScrubber.NONE;

        private Builder(String application, Instant started) {
            this.application = application;
            this.started = started;
        }

        Builder revision(Revision value) {
            this.revision = value;
            return this;
        }

        Builder renderedBy(String value) {
            this.renderedBy = requireNonNull(value, "renderedBy is null");
            return this;
        }

        Builder plan(Plan value) {
            this.plan = value;
            return this;
        }

        /** Masks the values of these secrets in every message recorded from now on. */
        Builder secrets(SecretScrubber value) {
            this.secrets = value;
            return this;
        }

        /** Returns a text with the run's secret values masked. */
        String scrub(String text) {
            return secrets.scrub(text);
        }

        /** Returns a step with the run's secret values masked in its message. */
        StepResult scrub(StepResult step) {
            return secrets.scrub(step);
        }

        Builder step(StepResult value) {
            steps.add(secrets.scrub(value));
            return this;
        }

        Builder steps(List<StepResult> values) {
            values.forEach(this::step);
            return this;
        }

        Builder warning(String value) {
            warnings.add(secrets.scrub(value));
            return this;
        }

        Builder hook(HookResult value) {
            hooks.add(new HookResult(value.phase(), value.key(), value.name(), value.status(),
                    secrets.scrub(value.message()), value.duration()));
            return this;
        }

        Builder health(Map<ResourceKey, Health> values) {
            health.putAll(values);
            return this;
        }

        Builder error(String value) {
            if (error == null) {
                this.error = secrets.scrub(value);
            }
            return this;
        }

        boolean hasFailure() {
            return error != null || steps.stream().anyMatch(StepResult::isFailed)
                    || hooks.stream().anyMatch(HookResult::isFailed);
        }

        /** The run-level error first, then one line per failed step, naming its key. */
        List<String> errors() {
            List<String> errors = new ArrayList<>();
            if (error != null) {
                errors.add(error);
            }
            for (StepResult step : steps) {
                if (step.isFailed()) {
                    String key = step.key().toString();
                    errors.add(step.message().startsWith(key) ? step.message() : key + ": " + step.message());
                }
            }
            for (HookResult hook : hooks) {
                if (hook.isFailed()) {
                    errors.add(hook.phase() + " hook " + hook.key() + (hook.name().isEmpty() ? "" : " ("
                            + hook.name() + ")") + ": " + hook.message());
                }
            }
            return errors;
        }

        ReconcileResult build(RunOutcome value, Instant end) {
            this.outcome = value;
            this.finished = end;
            return new ReconcileResult(this);
        }
    }
}
