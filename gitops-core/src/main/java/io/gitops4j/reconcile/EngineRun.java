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
import io.gitops4j.plan.Hooks;
import io.gitops4j.plan.Plan;
import io.gitops4j.PlanException;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One reconcile run of the engine: load, separate the hooks, prepare, observe, diff, plan, run the PreSync hooks,
 * record what it is about to apply in the inventory, apply (with the Sync hooks of each wave), record what it owns,
 * prune, record again, wait for health, run the PostSync hooks (or the SyncFail ones, see {@link HookPhases}).
 * Every failure of the source, the target or the differ becomes data in the result, which this run alone
 * assembles from the values its parts return: the {@link PlanExecutor}'s {@link ExecutionReport}s and the {@link RunDeadline}'s {@link DeadlineCheck}s.
 * Not thread-safe; one per run.
 */
final class EngineRun {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRun.class);

    private final EngineContext context;
    private final ReconcileOptions options;
    private final ReconcileResult.Builder result;
    private final RunDeadline deadline;
    private final boolean planOnly;
    private boolean declaresNothing;
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
        DesiredState loaded = attempt("cannot load the desired state from " + context.source().describe(),
                () -> options.revision().map(context.source()::load).orElseGet(context.source()::load));
        if (loaded == null) {
            return finish(false);
        }
        Revision revision = loaded.revision();
        SecretScrubber secrets = SecretScrubber.of(loaded);
        Hooks hooks = attempt("cannot read the hooks of revision " + revision.shortId(),
                () -> Hooks.of(loaded.resources().values()));
        if (hooks == null) {
            return finish(false);
        }
        DesiredState desired = hooks.steps().isEmpty() ? loaded : DesiredState.of(revision, hooks.resources());
        declaresNothing = desired.isEmpty();
        result.revision(revision).renderedBy(loaded.renderedBy()).secrets(secrets);
        MDC.put(GitOpsEngine.MDC_REVISION, revision.id());
        LOG.info("loaded revision {} ({} resources)", revision, desired.size());
        context.listener().loaded(context.application(), revision, desired.size());
        for (String warning : SyncPolicy.warnings(desired, options)) {
            LOG.warn("{}", warning);
            result.warning(warning);
        }
        if (passed("preparing revision " + revision.shortId())) {
            return finish(false);
        }

        PlanExecutor executor = new PlanExecutor(context, options, deadline, secrets);
        PreparedState prepared = context.memo().prepare(context.application(), desired, context.target());
        Set<String> crdKinds = CrdStage.declaredKinds(prepared.state());
        boolean waitsForCrds = prepared.failures().stream().anyMatch(f -> CrdStage.waitsForDeclaredCrd(f, crdKinds));
        if (waitsForCrds && !options.dryRun()) {
            if (fenced("applying the CustomResourceDefinitions of revision " + revision.shortId())) {
                return finish(false);
            }
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
        for (StepResult unscrubbed : prepared.failures()) {
            StepResult failure = result.scrub(unscrubbed);
            if (SyncPolicy.skipsDryRunWhenMissing(desired, failure, options)) {
                result.step(StepResult.skipped(failure.key(), failure.action(), "not validated in a dry run: the "
                        + "target does not serve its kind yet (SkipDryRunOnMissingResource=true)"));
                continue;
            }
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
                    + "applied or pruned. Pass allowEmpty() to prune everything it owns (it also lifts the prune "
                    + "limit for this)";
            LOG.warn("{}", reason);
            result.error(reason);
            return finish(false);
        }
        if (passed("observing the live state")) {
            return finish(false);
        }
        HookPhases hookPhases = new HookPhases(context, deadline, result, secrets, hooks);
        Set<ResourceKey> kept = declaredButNotPrepared(prepared);
        kept.addAll(hookPhases.namedKeys());
        Plan planned = plan(prepared.state(), inventory, kept);
        if (planned == null) {
            return finish(false);
        }
        Plan plan = hooks.steps().isEmpty() ? planned : planned.withHooks(hookPhases.planned());
        result.plan(plan);
        LOG.info("{}", plan.summary());
        context.listener().planned(context.application(), plan);
        if (planOnly) {
            refuseAsApplyWould(plan, inventory, executor);
            return finish(plan.hasChanges());
        }
        return execute(plan, inventory, revision, executor, hookPhases, prepared.state());
    }

    /**
     * Records in a plan-only run what applying the plan would refuse, by the rules the apply uses: an apply step
     * over an object another application owns is a failed step, and a prune the safety limit refuses is the run's
     * error (checked, as in a real run, only when nothing failed). So a plan never promises what apply refuses.
     */
    private void refuseAsApplyWould(Plan plan, Inventory inventory, PlanExecutor executor) {
        for (PlanStep step : SyncPolicy.applies(plan, options)) {
            if (step.diff() instanceof ResourceDiff.Declared declared
                    && step.diff() instanceof ResourceDiff.Existing existing) {
                Ownership.conflict(context.application(), declared.desired(), existing.live().object(),
                                options.syncOptions())
                        .ifPresent(message -> result.step(new StepResult(step.key(), step.action(),
                                StepResult.Status.FAILED, message, Duration.ZERO)));
            }
        }
        if (!result.hasFailure() && options.prune() && !plan.deletes().isEmpty()) {
            PruneGuard.refusal((int) executor.deletable(plan.deletes()), inventory.size(), declaresNothing, options)
                    .ifPresent(result::error);
        }
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

    private ReconcileResult execute(Plan plan, Inventory inventory, Revision revision, PlanExecutor executor,
            HookPhases hooks, DesiredState prepared) {
        List<PlanStep> applies = SyncPolicy.applies(plan, options);
        if (!options.dryRun() && (!applies.isEmpty() || !plan.deletes().isEmpty())
                && fenced("applying " + applies.size() + " resource(s) of revision " + revision.shortId())) {
            return finish(false);
        }
        result.steps(NamespaceCreation.ensure(context, prepared, options));
        hooks.begin(!applies.isEmpty() || !plan.deletes().isEmpty(), options.dryRun());
        if (!hooks.preSync()) {
            hooks.syncFail();
            return finish(true); // a failed PreSync hook: nothing applied, nothing recorded, nothing pruned
        }
        Set<ResourceKey> intent = intent(inventory, applies);
        Inventory intended = save(inventory, intent, inventory.revision().orElse(revision));
        if (!options.dryRun() && !intended.keys().containsAll(intent)) {
            return finish(false); // applying what the inventory cannot record would leave objects nobody prunes
        }
        record(hooks.sync(applies, executor::apply));

        Set<ResourceKey> owned = new TreeSet<>(inventory.keys());
        owned.addAll(executed.applied());
        plan.unchanged().forEach(step -> owned.add(step.key()));
        owned.addAll(createdDespiteFailure(applies));
        Inventory afterApply = save(intended, owned, revision);

        List<PlanStep> deletes = plan.deletes();
        PruneSelection selection = PruneSelection.of(deletes, options, declaresNothing);
        Optional<String> blocked = pruneBlocked(executor, selection.toDelete(), inventory);
        if (blocked.isEmpty()) {
            record(selection.kept());
        }
        record(executor.prune(blocked.isEmpty() ? selection.toDelete() : deletes, blocked));

        Set<ResourceKey> remaining = new TreeSet<>(afterApply.keys());
        remaining.removeAll(executed.deleted());
        remaining.removeAll(executed.released());
        remaining.removeAll(vanished(plan, inventory));
        remaining.removeAll(hooks.namedKeys());
        save(afterApply, remaining, revision);

        if (!options.dryRun()) {
            result.health(health());
        }
        hooks.finish(executed.applied());
        return finish(executed.executedAny() || hooks.ranAny() || (options.dryRun() && plan.hasChanges()));
    }

    /** Adds what the executor did to the result; a deadline it found passed becomes the run-level error. */
    private void record(ExecutionReport report) {
        executed = executed.then(report);
        result.steps(report.steps());
        deadline.passed().ifPresent(check -> result.error(check.message()));
    }

    /**
     * Asks the engine's {@link RunFence} whether this run may start a phase that writes; a refusal becomes the run's
     * error, so nothing after it is written and nothing is pruned.
     */
    private boolean fenced(String phase) {
        Optional<String> refusal;
        try {
            refusal = context.fence().check(context.application(), phase);
        } catch (RuntimeException e) {
            refusal = Optional.of("the fence check failed: " + e.getMessage());
        }
        refusal.ifPresent(reason -> {
            String message = "stopped before " + phase + ": " + reason;
            LOG.warn("{}", message);
            result.error(message);
        });
        return refusal.isPresent();
    }

    /** Checks the deadline at a step of the run itself; once passed, its message is the run-level error. */
    private boolean passed(String step) {
        DeadlineCheck check = deadline.check(step);
        if (check.passed()) {
            result.error(check.message());
        }
        return check.passed();
    }

    /**
     * The inventory recorded before applying, so that a run killed mid-apply leaves nothing it applied unowned: what
     * is owned plus every key about to be created, or applied over an object no other application tracks. After the
     * applies it shrinks to what is really owned: what was owned, applied or unchanged, and what a failed create made
     * all the same. After a crash the intent stays; a key in it whose object never came to be is dropped by a later
     * run once it is neither declared nor live ({@link #vanished}).
     */
    private Set<ResourceKey> intent(Inventory inventory, List<PlanStep> applies) {
        Set<ResourceKey> keys = new TreeSet<>(inventory.keys());
        for (PlanStep step : applies) {
            boolean foreign = step.diff() instanceof ResourceDiff.Existing existing
                    && step.diff() instanceof ResourceDiff.Declared declared
                    && Ownership.conflict(context.application(), declared.desired(), existing.live().object(),
                            options.syncOptions()).isPresent();
            if (!foreign) {
                keys.add(step.key());
            }
        }
        return keys;
    }

    /**
     * The keys whose create failed but whose object exists all the same (a call that timed out after the server
     * made the object), observed once after the applies; all of them when that observation fails.
     */
    private Set<ResourceKey> createdDespiteFailure(List<PlanStep> applies) {
        Set<ResourceKey> creates = new TreeSet<>();
        applies.stream().filter(step -> step.action() == ChangeType.CREATE).forEach(step -> creates.add(step.key()));
        List<ResourceKey> failed = executed.steps().stream().filter(StepResult::isFailed).map(StepResult::key)
                .filter(creates::contains).distinct().toList();
        if (failed.isEmpty() || options.dryRun()) {
            return Set.of();
        }
        try {
            return context.target().observe(failed).resources().keySet().stream().filter(creates::contains)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (RuntimeException e) {
            LOG.warn("cannot observe {} resources whose create failed; keeping them in the inventory: {}",
                    failed.size(), e.getMessage());
            return new TreeSet<>(failed);
        }
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
                context.healthPollInterval(), polled -> context.listener().healthPolled(context.application(), polled))
                .await(executed.applied(), timeout);
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
        if (!options.dryRun() && fenced("pruning " + deletes.size() + " resource(s)")) {
            return Optional.of("not deleted: the run was stopped before pruning (see the run's error)");
        }
        if (result.hasFailure()) {
            return Optional.of("not deleted: an earlier step of this run failed; nothing is pruned after a "
                    + "failure, fix it and reconcile again");
        }
        Optional<String> refusal = PruneGuard.refusal((int) executor.deletable(deletes), inventory.size(),
                declaresNothing, options);
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
        String message = result.scrub(what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        LOG.warn("{}", message);
        if (!(e instanceof GitOpsException)) {
            LOG.debug("{} failed unexpectedly", what, e);
        }
        result.error(message);
    }
}
