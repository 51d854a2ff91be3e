package io.gitops4j.reconcile;

import io.gitops4j.GitOpsException;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.health.Health;
import io.gitops4j.target.HealthAssessment;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteOutcome;
import io.gitops4j.target.DeleteResult;
import java.time.Duration;
import java.time.Instant;
import io.gitops4j.model.LiveState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes plan steps against the target for one run: applies in order, stopping before the next wave after a
 * failure, and deletes what prune allows. Each call returns an {@link ExecutionReport} of what it did: a
 * {@link StepResult} per step and which keys were applied, deleted or released. A failure in one call stops later
 * waves of the next call too. The steps of one stage may be applied on worker threads (see
 * {@link StageExecutor}); everything it records, it records on the calling thread. Not thread-safe; one per run.
 */
final class PlanExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PlanExecutor.class);

    private final EngineContext context;
    private final ReconcileOptions options;
    private final RunDeadline deadline;
    private final SecretScrubber secrets;
    private final List<StepResult> steps = new ArrayList<>();
    private final Set<ResourceKey> applied = new TreeSet<>();
    private final Set<ResourceKey> deleted = new TreeSet<>();
    private final Set<ResourceKey> released = new TreeSet<>();
    private final Map<ResourceKey, Health> health = new TreeMap<>();
    private PlanStep failedAt;

    PlanExecutor(EngineContext context, ReconcileOptions options, RunDeadline deadline, SecretScrubber secrets) {
        this.secrets = secrets;
        this.context = context;
        this.options = options;
        this.deadline = deadline;
    }

    /**
     * Applies steps in order, stage by stage ({@link ApplyStages}): the steps of one stage with up to the run's
     * apply concurrency under way at once, every step of a stage finished before the next stage starts, and the
     * results recorded, and reported to the listener, in plan order. After a failure, steps of later waves are
     * skipped.
     *
     * @param toApply the create, update (and, when forcing, in-sync) steps in apply order
     * @return what the applies did
     */
    ExecutionReport apply(List<PlanStep> toApply) {
        begin();
        ApplyOptions applyOptions = new ApplyOptions(options.dryRun(), options.force());
        try (StageExecutor stages = new StageExecutor(concurrency(), context.application())) {
            for (List<PlanStep> stage : ApplyStages.of(toApply)) {
                if (failedAt != null && stage.get(0).wave() != failedAt.wave()) {
                    stage.forEach(this::skipAfterFailure);
                    continue;
                }
                Map<ResourceKey, Optional<LiveResource>> appeared = appeared(stage);
                List<Applied> results = stages.run(stage, step -> applyOne(step, applyOptions, appeared),
                        step -> new Applied(StepResult.skipped(step.key(), step.action(),
                                "not applied: the run was interrupted"), null));
                for (int i = 0; i < stage.size(); i++) {
                    recordApplied(stage.get(i), results.get(i));
                }
            }
        }
        return report();
    }

    /** The run's apply concurrency: the smaller of the options' and the target's bound. */
    private int concurrency() {
        return Math.max(1, Math.min(options.applyConcurrency(), context.target().applyConcurrency()));
    }

    private void skipAfterFailure(PlanStep step) {
        if (!skippedForDeadline(step, "applying ")) {
            record(StepResult.skipped(step.key(), step.action(), "not applied: wave " + failedAt.wave()
                    + " failed at " + failedAt.key() + "; fix that and reconcile again"));
        }
    }

    /**
     * Applies one step and returns its result; records nothing (the caller records in plan order), so it may run on
     * a worker thread beside the other steps of its stage.
     */
    private Applied applyOne(PlanStep step, ApplyOptions applyOptions,
            Map<ResourceKey, Optional<LiveResource>> appeared) {
        DeadlineCheck check = deadline.check("applying " + step.key());
        if (check.passed()) {
            return new Applied(StepResult.skipped(step.key(), step.action(), check.skipReason()), null);
        }
        MDC.put(GitOpsEngine.MDC_RESOURCE, step.key().toString());
        Instant start = context.clock().instant();
        try {
            Optional<String> conflict = ownershipConflict(step, appeared);
            if (conflict.isPresent()) {
                LOG.warn("{} {}", step.key(), conflict.get());
                return new Applied(failed(step, conflict.get(), start), null);
            }
            ApplyResult outcome = context.target().apply(desiredOf(step),
                    SyncPolicy.applyOptions(applyOptions, desiredOf(step), options));
            StepResult.Status status = outcome.outcome() == ApplyOutcome.UNCHANGED
                    ? StepResult.Status.UNCHANGED : StepResult.Status.APPLIED;
            LOG.info("{} {} ({}{})", status == StepResult.Status.APPLIED ? "applied" : "unchanged", step.key(),
                    outcome.outcome(), options.dryRun() ? ", dry run" : "");
            return new Applied(new StepResult(step.key(), step.action(), status, options.dryRun() ? "dry run" : "",
                    since(start)), options.dryRun() ? null : healthOf(outcome));
        } catch (RuntimeException e) {
            return new Applied(failed(step, "apply", e, start), null);
        } finally {
            MDC.remove(GitOpsEngine.MDC_RESOURCE);
        }
    }

    /** Records the result of one applied step, in plan order, and tells the listener. */
    private void recordApplied(PlanStep step, Applied done) {
        StepResult result = done.result();
        record(result);
        if (result.isFailed()) {
            failedAt = step;
            context.listener().stepFailed(context.application(), result);
        } else if (result.status() == StepResult.Status.APPLIED || result.status() == StepResult.Status.UNCHANGED) {
            applied.add(step.key());
            if (done.health() != null) {
                health.put(step.key(), done.health());
            }
            context.listener().stepApplied(context.application(), result);
        }
    }

    /** The result of one apply step and, when it applied for real, the health of what it applied. */
    private record Applied(StepResult result, Health health) {
    }

    /**
     * Deletes steps in order, unless {@code blocked} gives a reason to skip them all. Objects marked
     * {@code gitops4j.io/prune: disabled} or tracked by another application, as planned or as re-read right before
     * the delete, are skipped and released.
     *
     * @param toDelete the delete steps in deletion order
     * @param blocked why no deletion may run, or empty
     * @return what the deletions did
     */
    ExecutionReport prune(List<PlanStep> toDelete, Optional<String> blocked) {
        begin();
        DeleteOptions deleteOptions = DeleteOptions.DEFAULT.withDryRun(options.dryRun());
        for (PlanStep step : toDelete) {
            Optional<String> keep = keepReason(liveOf(step).object());
            if (keep.isPresent()) {
                release(step, keep.get(), blocked.isEmpty());
            } else if (blocked.isPresent()) {
                record(StepResult.skipped(step.key(), step.action(), blocked.get()));
            } else if (skippedForDeadline(step, "deleting ")) {
                continue;
            } else if (failedAt != null && step.wave() != failedAt.wave()) {
                record(StepResult.skipped(step.key(), step.action(), "not deleted: deleting " + failedAt.key()
                        + " failed; fix that and reconcile again"));
            } else {
                deleteIfStillOwned(step, SyncPolicy.deleteOptions(deleteOptions, liveOf(step).object(), options));
            }
        }
        return report();
    }

    /** Records a step skipped because the run passed its deadline, if it has; tells whether it had. */
    private boolean skippedForDeadline(PlanStep step, String doing) {
        DeadlineCheck check = deadline.check(doing + step.key());
        if (check.passed()) {
            record(StepResult.skipped(step.key(), step.action(), check.skipReason()));
        }
        return check.passed();
    }

    /* Each call reports only its own steps; failedAt carries over, so a failure stops later waves of the next call. */
    private void begin() {
        steps.clear();
        applied.clear();
        deleted.clear();
        released.clear();
        health.clear();
    }

    private ExecutionReport report() {
        return new ExecutionReport(steps, new TreeSet<>(applied), new TreeSet<>(deleted), new TreeSet<>(released),
                new TreeMap<>(health));
    }

    /** Keeps a key out of the deletions; releases it from the inventory unless dry-running or blocked. */
    private void release(PlanStep step, String reason, boolean releasable) {
        boolean release = releasable && !options.dryRun();
        if (release) {
            released.add(step.key());
        }
        record(StepResult.skipped(step.key(), step.action(), reason + (release ? "; released from the inventory" : "")));
    }

    /**
     * Re-reads the live object right before deleting it and deletes only if it is still this application's: an
     * object gone since the plan, or claimed by another application since, is released instead.
     */
    private void deleteIfStillOwned(PlanStep step, DeleteOptions deleteOptions) {
        Instant start = context.clock().instant();
        Optional<LiveResource> fresh;
        try {
            fresh = context.target().observe(List.of(step.key())).get(step.key());
        } catch (RuntimeException e) {
            failedAt = step;
            fail(step, "re-read before delete", e, start);
            return;
        }
        Optional<String> keep = fresh.isEmpty() ? Optional.of("nothing to delete: the object is already gone")
                : keepReason(fresh.get().object());
        if (keep.isPresent()) {
            LOG.info("not pruning {}: {}", step.key(), keep.get());
            release(step, keep.get(), true);
        } else {
            delete(step, deleteOptions);
        }
    }

    private void delete(PlanStep step, DeleteOptions deleteOptions) {
        MDC.put(GitOpsEngine.MDC_RESOURCE, step.key().toString());
        Instant start = context.clock().instant();
        try {
            DeleteResult outcome = context.target().delete(step.key(), deleteOptions);
            String note = options.dryRun() ? "dry run"
                    : outcome.outcome() == DeleteOutcome.NOT_FOUND ? "already gone" : "";
            StepResult done = new StepResult(step.key(), step.action(), StepResult.Status.DELETED, note, since(start));
            LOG.info("pruned {} ({}{})", step.key(), outcome.outcome(), options.dryRun() ? ", dry run" : "");
            deleted.add(step.key());
            record(done);
            context.listener().pruned(context.application(), done);
        } catch (RuntimeException e) {
            failedAt = step;
            fail(step, "delete", e, start);
        } finally {
            MDC.remove(GitOpsEngine.MDC_RESOURCE);
        }
    }

    private Optional<String> keepReason(Resource live) {
        return Ownership.keepReason(context.application(), live);
    }

    /** Counts the deletions prune would really attempt (objects kept by annotation excluded). */
    long deletable(List<PlanStep> steps) {
        return steps.stream().filter(s -> keepReason(liveOf(s).object()).isEmpty()).count();
    }

    /**
     * Returns why applying a step would take over an object another application owns. The live object is the one
     * planned against; a create looks at what its stage observed right before it started, in case the object
     * appeared since the plan (or observes again itself when that observation failed).
     */
    private Optional<String> ownershipConflict(PlanStep step, Map<ResourceKey, Optional<LiveResource>> appeared) {
        Resource desired = desiredOf(step);
        Optional<LiveResource> live = step.diff() instanceof ResourceDiff.Existing existing
                ? Optional.of(existing.live()) : appeared.get(step.key());
        if (live == null) {
            live = context.target().observe(List.of(step.key())).get(step.key());
        }
        return live.flatMap(object -> Ownership.conflict(context.application(), desired, object.object(),
                options.syncOptions()));
    }

    /**
     * Observes, in one call before a stage starts, the objects its creates are about to create, so that each create
     * can check whether one appeared since the plan. Empty (each create then observes its own) when the stage has
     * fewer than two creates or the observation fails.
     */
    private Map<ResourceKey, Optional<LiveResource>> appeared(List<PlanStep> stage) {
        List<ResourceKey> creates = stage.stream().filter(step -> !(step.diff() instanceof ResourceDiff.Existing))
                .map(PlanStep::key).toList();
        if (creates.size() < 2) {
            return Map.of();
        }
        try {
            LiveState live = context.target().observe(creates);
            Map<ResourceKey, Optional<LiveResource>> found = new HashMap<>();
            creates.forEach(key -> found.put(key, live.get(key)));
            return found;
        } catch (RuntimeException e) {
            LOG.debug("cannot observe the {} objects a stage creates; each create observes its own", creates.size(), e);
            return Map.of();
        }
    }

    /** The object an apply step applies: every apply step's diff is declared. */
    private static Resource desiredOf(PlanStep step) {
        return ((ResourceDiff.Declared) step.diff()).desired();
    }

    /** The object a delete step deletes: every delete step's diff is of a live object. */
    private static LiveResource liveOf(PlanStep step) {
        return ((ResourceDiff.Existing) step.diff()).live();
    }

    private void fail(PlanStep step, String what, RuntimeException e, Instant start) {
        recordFailure(failed(step, what, e, start));
    }

    private void recordFailure(StepResult failed) {
        record(failed);
        context.listener().stepFailed(context.application(), failed);
    }

    /** The failed result of a step whose target call threw; logs it, records nothing. */
    private StepResult failed(PlanStep step, String what, RuntimeException e, Instant start) {
        String message = secrets.scrub(e.getMessage() == null ? e.toString() : e.getMessage());
        if (e instanceof GitOpsException) {
            LOG.warn("{} of {} failed: {}", what, step.key(), message);
        } else {
            LOG.warn("{} of {} failed unexpectedly: {}", what, step.key(), message);
            LOG.debug("{} of {} failed unexpectedly", what, step.key(), e);
        }
        return failed(step, message, start);
    }

    /** The failed result of a step, its message scrubbed of secrets; records nothing. */
    private StepResult failed(PlanStep step, String message, Instant start) {
        return secrets.scrub(new StepResult(step.key(), step.action(), StepResult.Status.FAILED, message,
                since(start)));
    }

    private Health healthOf(ApplyResult outcome) {
        return HealthAssessment.assess(context.target(), outcome.live());
    }

    private void record(StepResult step) {
        steps.add(step);
    }

    private Duration since(Instant start) {
        return Duration.between(start, context.clock().instant());
    }
}
