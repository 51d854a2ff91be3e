package io.gitops4j.reconcile;

import io.gitops4j.GitOpsException;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.health.Health;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanException;
import io.gitops4j.plan.PlanStep;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One reconcile run of the engine: load, prepare, observe, diff, plan, apply, record the inventory, prune, record
 * again, wait for health. Every failure of the source, the target or the differ becomes data in the result, which
 * this run alone assembles from the values its parts return: the {@link PlanExecutor}'s
 * {@link ExecutionReport}s and the {@link RunDeadline}'s {@link DeadlineCheck}s. Not thread-safe; one per run.
 */
final class EngineRun {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRun.class);

    private final EngineContext context;
    private final ReconcileOptions options;
    private final ReconcileResult.Builder result;
    private final RunDeadline deadline;
    private final boolean planOnly;
    private ExecutionReport executed = ExecutionReport.NONE;

    EngineRun(EngineContext context, ReconcileOptions options) {
        this(context, options, false);
    }

    /** A run that, with {@code planOnly}, stops after planning: the target is observed but never written to. */
    EngineRun(EngineContext context, ReconcileOptions options, boolean planOnly) {
        this.context = context;
        this.options = planOnly ? options.newBuilder().dryRun(true).build() : options;
        this.planOnly = planOnly;
        Instant start = context.clock().instant();
        this.result = ReconcileResult.builder(context.application(), start);
        this.deadline = new RunDeadline(context.clock(), start, this.options.deadline());
    }

    ReconcileResult run() {
        context.listener().started(context.application(), options);
        LOG.info("reconcile started ({})", options);
        ReconcileResult done = execute();
        LOG.info("reconcile finished: {}", done);
        context.listener().finished(done);
        return done;
    }

    private ReconcileResult execute() {
        DesiredState desired = attempt("cannot load the desired state from " + context.source().describe(),
                () -> options.revision().map(context.source()::load).orElseGet(context.source()::load));
        if (desired == null) {
            return finish(false);
        }
        Revision revision = desired.revision();
        result.revision(revision);
        MDC.put(GitOpsEngine.MDC_REVISION, revision.id());
        LOG.info("loaded revision {} ({} resources)", revision, desired.size());
        context.listener().loaded(context.application(), revision, desired.size());
        if (passed("preparing revision " + revision.shortId())) {
            return finish(false);
        }

        PlanExecutor executor = new PlanExecutor(context, options, deadline);
        PreparedState prepared = context.memo().prepare(context.application(), desired, context.target());
        Set<String> crdKinds = CrdStage.declaredKinds(prepared.state());
        boolean waitsForCrds = prepared.failures().stream().anyMatch(f -> CrdStage.waitsForDeclaredCrd(f, crdKinds));
        if (waitsForCrds && !options.dryRun()) {
            LOG.info("applying the CustomResourceDefinitions of this revision before the objects of their kinds");
            DesiredState firstStage = prepared.state();
            ExecutionReport staged = attempt("cannot apply the CustomResourceDefinitions first",
                    () -> CrdStage.applyFirst(context, firstStage, executor));
            if (staged == null) {
                return finish(false);
            }
            record(staged);
            prepared = context.memo().prepare(context.application(), desired, context.target());
        }
        for (StepResult failure : prepared.failures()) {
            if (options.dryRun() && CrdStage.waitsForDeclaredCrd(failure, crdKinds)) {
                StepResult skipped = StepResult.skipped(failure.key(), failure.action(), "not validated in a dry run: "
                        + "its kind is defined by a CustomResourceDefinition of this revision that is not applied yet");
                result.step(skipped);
                continue;
            }
            LOG.warn("cannot prepare {}: {}", failure.key(), failure.message());
            result.step(failure);
            context.listener().stepFailed(context.application(), failure);
        }
        Inventory inventory = attempt("cannot load the inventory of application " + context.application(),
                () -> context.target().inventoryStore().load(context.application())
                        .orElseGet(() -> Inventory.empty(context.application())));
        if (inventory == null) {
            return finish(false);
        }
        if (desired.isEmpty() && inventory.size() > 0 && !options.allowEmpty()) {
            String reason = "refusing to reconcile an empty desired state while application " + context.application()
                    + " owns " + inventory.size() + " resources: " + context.source().describe()
                    + " declared nothing at " + revision.shortId() + " (wrong path? deleted folder?); nothing was "
                    + "applied or pruned. Pass allowEmpty() to prune everything it owns";
            LOG.warn("{}", reason);
            result.error(reason);
            return finish(false);
        }
        if (passed("observing the live state")) {
            return finish(false);
        }
        Plan plan = plan(prepared.state(), inventory, declaredButNotPrepared(prepared));
        if (plan == null) {
            return finish(false);
        }
        result.plan(plan);
        LOG.info("{}", plan.summary());
        context.listener().planned(context.application(), plan);
        if (planOnly) {
            return finish(plan.hasChanges());
        }
        return execute(plan, inventory, revision, executor);
    }

    private Plan plan(DesiredState desired, Inventory inventory, Set<ResourceKey> notPrepared) {
        List<ResourceKey> keys = SortedKeys.union(desired.keys(), inventory.keys());
        LiveState observed = attempt("cannot observe the live state", () -> context.target().observe(keys));
        if (observed == null) {
            return null;
        }
        Set<ResourceKey> wanted = new HashSet<>(keys);
        LiveState live = wanted.containsAll(observed.resources().keySet()) ? observed
                : LiveState.of(observed.resources().values().stream()
                        .filter(object -> wanted.contains(object.key())).toList());
        try {
            return context.memo().plan(desired, live, diff -> planned(diff, inventory, notPrepared));
        } catch (RuntimeException e) {
            fail(e instanceof PlanException ? "cannot plan" : "cannot diff the desired and live state", e);
            return null;
        }
    }

    /**
     * What is planned of one diff: nothing for a deletion of an object the inventory does not own or the source
     * still declares (but could not be prepared); else the diff with the per-object policies applied.
     */
    private static ResourceDiff planned(ResourceDiff resource, Inventory inventory, Set<ResourceKey> notPrepared) {
        if (resource.type() == ChangeType.DELETE && (!inventory.contains(resource.key())
                || notPrepared.contains(resource.key())
                || notPrepared.contains(resource.key().withNamespace("")))) {
            return null;
        }
        return ObjectPolicy.apply(resource).orElse(null);
    }

    /** The keys, as declared, of resources that failed to prepare: declared, so never planned for deletion. */
    private static Set<ResourceKey> declaredButNotPrepared(PreparedState prepared) {
        Set<ResourceKey> keys = new HashSet<>();
        for (StepResult failure : prepared.failures()) {
            keys.add(failure.key());
        }
        return keys;
    }

    private ReconcileResult execute(Plan plan, Inventory inventory, Revision revision, PlanExecutor executor) {
        record(executor.apply(options.force() ? plan.allApplies() : plan.applies()));

        Set<ResourceKey> owned = new TreeSet<>(inventory.keys());
        owned.addAll(executed.applied());
        plan.unchanged().forEach(step -> owned.add(step.key()));
        Inventory afterApply = save(inventory, owned, revision);

        List<PlanStep> deletes = plan.deletes();
        record(executor.prune(deletes, pruneBlocked(executor, deletes, inventory)));

        Set<ResourceKey> remaining = new TreeSet<>(afterApply.keys());
        remaining.removeAll(executed.deleted());
        remaining.removeAll(executed.released());
        remaining.removeAll(vanished(plan, inventory));
        save(afterApply, remaining, revision);

        if (!options.dryRun()) {
            result.health(health());
        }
        return finish(executed.executedAny() || (options.dryRun() && plan.hasChanges()));
    }

    /** Adds what the executor did to the result; a deadline it found passed becomes the run-level error. */
    private void record(ExecutionReport report) {
        executed = executed.then(report);
        result.steps(report.steps());
        deadline.passed().ifPresent(check -> result.error(check.message()));
    }

    /** Checks the deadline at a step of the run itself; once passed, its message is the run-level error. */
    private boolean passed(String step) {
        DeadlineCheck check = deadline.check(step);
        if (check.passed()) {
            result.error(check.message());
        }
        return check.passed();
    }

    /** Waits for health within both the health timeout and the run's deadline, when asked to and not timed out. */
    private Map<ResourceKey, Health> health() {
        boolean wait = !options.healthTimeout().isZero() && !executed.applied().isEmpty();
        String step = "waiting for the health of " + executed.applied().size() + " resources";
        if (!wait || passed(step)) {
            return executed.health();
        }
        Duration timeout = options.healthTimeout().compareTo(deadline.left()) < 0
                ? options.healthTimeout() : deadline.left();
        Map<ResourceKey, Health> health = new HealthWait(context.target(), context.clock(), context.sleeper(),
                context.healthPollInterval()).await(executed.applied(), timeout);
        if (!health.values().stream().allMatch(Health::isHealthy)) {
            passed(step);
        }
        return health;
    }

    /** Returns the owned keys that are neither declared nor live any more: nothing is left to own. */
    private static Set<ResourceKey> vanished(Plan plan, Inventory inventory) {
        Set<ResourceKey> gone = new TreeSet<>(inventory.keys());
        plan.allApplies().forEach(step -> gone.remove(step.key()));
        plan.deletes().forEach(step -> gone.remove(step.key()));
        return gone;
    }

    private Optional<String> pruneBlocked(PlanExecutor executor, List<PlanStep> deletes, Inventory inventory) {
        if (deletes.isEmpty()) {
            return Optional.empty();
        }
        DeadlineCheck check = deadline.check("pruning " + deletes.size() + " resource(s)");
        if (check.passed()) {
            result.error(check.message());
            return Optional.of(check.skipReason());
        }
        if (!options.prune()) {
            return Optional.of("not deleted: prune is off; the resource is no longer declared but kept");
        }
        if (result.hasFailure()) {
            return Optional.of("not deleted: an earlier step of this run failed; nothing is pruned after a "
                    + "failure, fix it and reconcile again");
        }
        Optional<String> refusal = PruneGuard.refusal((int) executor.deletable(deletes), inventory.size(), options);
        refusal.ifPresent(reason -> {
            LOG.warn("{}", reason);
            result.error(reason);
        });
        return refusal;
    }

    /** Saves the inventory when it changed, unless dry-running or after a run-level failure to save. */
    private Inventory save(Inventory previous, Set<ResourceKey> keys, Revision revision) {
        if (options.dryRun()) {
            return previous;
        }
        Revision recorded = result.hasFailure() && previous.revision().isPresent()
                ? previous.revision().get() : revision;
        Inventory next = Inventory.of(context.application(), recorded, keys);
        if (next.equals(previous)) {
            return previous;
        }
        Boolean saved = attempt("cannot save the inventory of application " + context.application(), () -> {
            context.target().inventoryStore().save(next);
            return Boolean.TRUE;
        });
        return saved == null ? previous : next;
    }

    private ReconcileResult finish(boolean changed) {
        return result.build(outcome(changed), context.clock().instant());
    }

    private RunOutcome outcome(boolean changed) {
        Optional<DeadlineCheck> timedOut = deadline.passed();
        if (timedOut.isPresent()) {
            return timedOut.get().outcome();
        }
        if (result.hasFailure()) {
            return new RunOutcome.Failed(result.errors());
        }
        if (!changed) {
            return new RunOutcome.Converged();
        }
        return options.dryRun() ? new RunOutcome.DryRun() : new RunOutcome.Applied();
    }

    /** Runs a call to a collaborator; a failure becomes the run's error and the call returns {@code null}. */
    private <T> T attempt(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            fail(what, e);
            return null;
        }
    }

    /** Records a failed call to a collaborator as the run's error. */
    private void fail(String what, RuntimeException e) {
        String message = what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
        if (e instanceof GitOpsException) {
            LOG.warn("{}", message);
        } else {
            LOG.warn("{}", message, e);
        }
        result.error(message);
    }
}
