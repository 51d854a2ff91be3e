package io.gitops4j.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import io.gitops4j.health.Health;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.HookPhase;
import io.gitops4j.plan.HookStep;
import io.gitops4j.plan.Hooks;
import io.gitops4j.plan.PlanStep;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks of one run, around its steps: {@link HookPhase#PRE_SYNC} before anything is applied (a failure leaves
 * the live resources untouched), {@link HookPhase#SYNC} hooks after the resources of their wave, then prune,
 * {@link HookPhase#POST_SYNC} once everything applied is healthy, and {@link HookPhase#SYNC_FAIL} when the run
 * failed. Hooks run only when the run syncs something (the plan has changes, or the run forces) and never in a dry
 * run; {@code Skip}, {@code PostDelete} and Helm hooks gitops4j does not run are reported, with their note, as
 * skipped. Each hook is placed by the target (namespace defaulting) and stamped with
 * {@link WellKnownMetadata#HOOK_OF} and {@link WellKnownMetadata#HOOK_ID_LABEL}; hooks are never in the inventory.
 * Every outcome goes to the run's result. Not thread-safe; one per run.
 */
final class HookPhases {
    private static final Logger LOG = LoggerFactory.getLogger(HookPhases.class);

    private final EngineContext context;
    private final RunDeadline deadline;
    private final ReconcileResult.Builder result;
    private final HookRunner runner;
    private final List<HookStep> hooks = new ArrayList<>();
    private boolean running;
    private boolean ranAny;

    /** Prepares the hooks of a run; a hook the target cannot place is a failed hook of the result. */
    HookPhases(EngineContext context, RunDeadline deadline, ReconcileResult.Builder result, SecretScrubber secrets,
            Hooks declared) {
        this.context = context;
        this.deadline = deadline;
        this.result = result;
        this.runner = new HookRunner(context, deadline, secrets);
        for (HookStep hook : declared.steps()) {
            try {
                hooks.add(hook.withHook(stamp(place(hook.hook()))));
            } catch (RuntimeException e) {
                result.hook(new HookResult(hook.phase(), hook.key(), "", HookResult.Status.FAILED,
                        "cannot place the hook on the target: " + e.getMessage(), Duration.ZERO));
            }
        }
    }

    /** The hooks as planned: placed and ordered. */
    List<HookStep> planned() {
        return Hooks.order(hooks);
    }

    /** The keys of hooks with a declared name: never planned for deletion, never kept in the inventory. */
    Set<ResourceKey> namedKeys() {
        return hooks.stream().filter(hook -> !hook.hook().hasGeneratedName()).map(HookStep::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Starts the hooks of a run that syncs something or not: reports the hooks that never run, and in a dry run
     * every hook as not run.
     */
    void begin(boolean syncs, boolean dryRun) {
        running = syncs && !dryRun;
        if (!syncs) {
            return;
        }
        for (HookStep hook : planned()) {
            if (!hook.runs()) {
                result.hook(HookResult.skipped(hook.phase(), hook.key(), hook.note()));
            } else if (dryRun) {
                result.hook(HookResult.skipped(hook.phase(), hook.key(), "dry run: not run"
                        + (hook.note().isEmpty() ? "" : "; " + hook.note())));
            }
        }
    }

    /** Runs the PreSync hooks; tells whether the run may go on (none failed). */
    boolean preSync() {
        return runPhase(HookPhase.PRE_SYNC);
    }

    /**
     * Applies the steps and runs the Sync hooks wave by wave: the resources of a wave, then its hooks. Without Sync
     * hooks this is one call of {@code apply}. After a failed hook, the steps of later waves are skipped.
     */
    ExecutionReport sync(List<PlanStep> applies, Function<List<PlanStep>, ExecutionReport> apply) {
        List<HookStep> syncHooks = of(HookPhase.SYNC);
        if (syncHooks.isEmpty()) {
            return apply.apply(applies);
        }
        TreeSet<Integer> waves = new TreeSet<>();
        applies.forEach(step -> waves.add(step.wave()));
        syncHooks.forEach(hook -> waves.add(hook.wave()));
        ExecutionReport report = ExecutionReport.NONE;
        String hookFailed = null;
        for (int wave : waves) {
            List<PlanStep> steps = applies.stream().filter(step -> step.wave() == wave).toList();
            List<HookStep> waveHooks = syncHooks.stream().filter(hook -> hook.wave() == wave).toList();
            if (hookFailed != null) {
                report = report.then(skipped(steps, hookFailed));
                skip(waveHooks, hookFailed);
                continue;
            }
            if (!steps.isEmpty()) {
                report = report.then(apply.apply(steps));
            }
            if (report.steps().stream().anyMatch(StepResult::isFailed)) {
                skip(waveHooks, "not run: a resource of this or an earlier wave failed");
            } else if (!waveHooks.isEmpty()) {
                List<HookResult> done = record(runner.run(waveHooks));
                hookFailed = done.stream().filter(HookResult::isFailed).findFirst()
                        .map(failed -> "not run: hook " + failed.key() + " of wave " + wave + " failed; fix it and "
                                + "reconcile again").orElse(null);
            }
        }
        return report;
    }

    /**
     * Runs the PostSync hooks once every applied resource is healthy (waiting for that within the run's deadline),
     * unless the run failed; then runs the SyncFail hooks if it failed by then.
     */
    void finish(Set<ResourceKey> applied) {
        List<HookStep> postSync = of(HookPhase.POST_SYNC);
        if (!postSync.isEmpty() && result.hasFailure()) {
            skip(postSync, "not run: the sync failed");
        } else if (!postSync.isEmpty()) {
            Map<ResourceKey, Health> unhealthy = unhealthy(applied);
            if (unhealthy.isEmpty()) {
                runPhase(HookPhase.POST_SYNC);
            } else {
                deadline.check("waiting for health before the PostSync hooks");
                String reason = "not run: the synced resources did not become healthy: " + unhealthy;
                postSync.forEach(hook -> result.hook(new HookResult(hook.phase(), hook.key(), "",
                        HookResult.Status.FAILED, reason, Duration.ZERO)));
            }
        }
        if (result.hasFailure()) {
            syncFail();
        }
    }

    /** Runs the SyncFail hooks (after a failed PreSync, Sync or PostSync). */
    void syncFail() {
        if (running && !of(HookPhase.SYNC_FAIL).isEmpty()) {
            LOG.info("the sync failed; running its SyncFail hooks");
            runPhase(HookPhase.SYNC_FAIL);
        }
    }

    /** Tells whether any hook was created. */
    boolean ranAny() {
        return ranAny;
    }

    private Map<ResourceKey, Health> unhealthy(Set<ResourceKey> applied) {
        if (applied.isEmpty()) {
            return Map.of();
        }
        Map<ResourceKey, Health> health = new HealthWait(context.target(), context.clock(), context.sleeper(),
                context.healthPollInterval(), polled -> context.listener().healthPolled(context.application(),
                        polled)).await(applied, deadline.left());
        result.health(health);
        return health.entrySet().stream().filter(entry -> !entry.getValue().isHealthy())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        TreeMap::new));
    }

    private boolean runPhase(HookPhase phase) {
        List<HookStep> phaseHooks = of(phase);
        if (phaseHooks.isEmpty()) {
            return true;
        }
        LOG.info("running {} {} hook(s)", phaseHooks.size(), phase);
        return record(runner.run(phaseHooks)).stream().noneMatch(HookResult::isFailed);
    }

    private List<HookResult> record(List<HookResult> done) {
        for (HookResult hook : done) {
            ranAny |= !hook.name().isEmpty();
            result.hook(hook);
        }
        return done;
    }

    private List<HookStep> of(HookPhase phase) {
        if (!running) {
            return List.of();
        }
        return planned().stream().filter(hook -> hook.phase() == phase).toList();
    }

    private void skip(List<HookStep> phaseHooks, String reason) {
        phaseHooks.forEach(hook -> result.hook(HookResult.skipped(hook.phase(), hook.key(), reason)));
    }

    private static ExecutionReport skipped(List<PlanStep> steps, String reason) {
        List<StepResult> skipped = steps.stream()
                .map(step -> StepResult.skipped(step.key(), step.action(), reason.replace("not run", "not applied")))
                .toList();
        return new ExecutionReport(skipped, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeMap<>());
    }

    private Resource place(Resource hook) {
        ResourceKey key = context.target().resolve(hook.key());
        return key.equals(hook.key()) ? hook : hook.withNamespace(key.namespace());
    }

    private Resource stamp(Resource hook) {
        ObjectNode body = hook.body();
        ObjectNode metadata = (ObjectNode) body.get("metadata");
        metadata.withObjectProperty("annotations").put(WellKnownMetadata.HOOK_OF, context.application());
        metadata.withObjectProperty("labels").put(WellKnownMetadata.HOOK_ID_LABEL, hookId(hook.key()));
        return hook.withBody(body);
    }

    /** A label value naming one hook of one application: 40 hex digits of a SHA-256 of both. */
    private String hookId(ResourceKey key) {
        return Hashing.sha256().hashString(context.application() + "\n" + key, StandardCharsets.UTF_8).toString()
                .substring(0, 40);
    }
}
