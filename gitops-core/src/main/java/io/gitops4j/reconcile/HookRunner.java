package io.gitops4j.reconcile;

import io.gitops4j.GitOpsException;
import io.gitops4j.TargetException;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.HookDeletePolicy;
import io.gitops4j.plan.HookStep;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.DeleteOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hooks of one phase, wave by wave: in each wave it replaces what an earlier run left of each hook
 * ({@link HookDeletePolicy#BEFORE_HOOK_CREATION}), creates every hook of the wave, waits until each has completed
 * (healthy: a Job complete, a Pod succeeded) or failed (degraded, or gone), then deletes what the delete policies
 * say. A wave with a failed hook ends the phase: later waves are not run. Waits use the engine's clock and sleeper,
 * bounded by the run's deadline. Not thread-safe; one per run.
 */
final class HookRunner {
    private static final Logger LOG = LoggerFactory.getLogger(HookRunner.class);
    private static final Predicate<Health> SETTLED = health -> health.isHealthy()
            || health.status() == HealthStatus.DEGRADED || health.status() == HealthStatus.MISSING;
    private static final Predicate<Health> GONE = health -> health.status() == HealthStatus.MISSING;

    private final EngineContext context;
    private final RunDeadline deadline;
    private final SecretScrubber secrets;

    HookRunner(EngineContext context, RunDeadline deadline, SecretScrubber secrets) {
        this.context = context;
        this.deadline = deadline;
        this.secrets = secrets;
    }

    /** Runs hooks of one phase, ordered by wave; after a failed wave, the later ones are skipped. */
    List<HookResult> run(List<HookStep> hooks) {
        List<HookResult> results = new ArrayList<>();
        boolean failed = false;
        for (int from = 0; from < hooks.size(); ) {
            int to = from;
            while (to < hooks.size() && hooks.get(to).wave() == hooks.get(from).wave()) {
                to++;
            }
            List<HookStep> wave = hooks.subList(from, to);
            if (failed) {
                wave.forEach(hook -> results.add(HookResult.skipped(hook.phase(), hook.key(),
                        "not run: a hook of an earlier wave of " + hook.phase() + " failed")));
            } else {
                List<HookResult> done = runWave(wave);
                results.addAll(done);
                failed = done.stream().anyMatch(HookResult::isFailed);
            }
            from = to;
        }
        return results;
    }

    private List<HookResult> runWave(List<HookStep> wave) {
        Map<HookStep, HookResult> results = new LinkedHashMap<>();
        Map<HookStep, Resource> created = new LinkedHashMap<>();
        Instant start = context.clock().instant();
        for (HookStep hook : wave) {
            results.put(hook, null);
            DeadlineCheck check = deadline.check("creating hook " + hook.key());
            if (check.passed()) {
                results.put(hook, HookResult.skipped(hook.phase(), hook.key(), check.skipReason()));
                continue;
            }
            try {
                replacePrevious(hook);
                Resource live = context.target().create(hook.hook(), ApplyOptions.DEFAULT).live();
                LOG.info("created hook {} as {}", hook, live.key().name());
                created.put(hook, live);
            } catch (RuntimeException e) {
                results.put(hook, failed(hook, "", "cannot create the hook: " + message(e), start));
            }
        }
        if (!created.isEmpty()) {
            Map<ResourceKey, Health> health = await(created.values().stream().map(Resource::key).toList(), SETTLED);
            created.forEach((hook, live) -> results.put(hook, finished(hook, live.key(), health.get(live.key()),
                    start)));
        }
        return new ArrayList<>(results.values());
    }

    private HookResult finished(HookStep hook, ResourceKey live, Health health, Instant start) {
        boolean succeeded = health != null && health.isHealthy();
        String message = succeeded ? "" : failure(hook, health);
        if (hook.deletes(succeeded ? HookDeletePolicy.HOOK_SUCCEEDED : HookDeletePolicy.HOOK_FAILED)) {
            message = join(message, delete(live));
        }
        if (succeeded) {
            LOG.info("hook {} ({}) succeeded", hook, live.name());
            return new HookResult(hook.phase(), hook.key(), live.name(), HookResult.Status.SUCCEEDED,
                    secrets.scrub(message), since(start));
        }
        LOG.warn("hook {} ({}) failed: {}", hook, live.name(), message);
        return failed(hook, live.name(), message, start);
    }

    private String failure(HookStep hook, Health health) {
        if (health == null || health.status() == HealthStatus.MISSING) {
            return "the hook object is gone before it completed";
        }
        if (health.status() == HealthStatus.DEGRADED) {
            return "the hook failed: " + health.message();
        }
        deadline.check("waiting for hook " + hook.key());
        return "the hook did not complete before the run's deadline (" + health + ")";
    }

    /** Deletes a finished hook object as its policy says; returns a note when that fails, else "". */
    private String delete(ResourceKey live) {
        try {
            context.target().delete(live, DeleteOptions.DEFAULT);
            return "";
        } catch (RuntimeException e) {
            return "the hook object could not be deleted: " + message(e);
        }
    }

    /**
     * Deletes the objects an earlier run made of this hook, when its policies include BeforeHookCreation, and waits
     * until they are gone; refuses to touch an object of the hook's name that is not this application's hook.
     */
    private void replacePrevious(HookStep hook) {
        ResourceKey key = hook.key();
        List<ResourceKey> previous = new ArrayList<>();
        if (hook.hook().hasGeneratedName()) {
            if (!hook.deletes(HookDeletePolicy.BEFORE_HOOK_CREATION)) {
                return;
            }
            Map<String, String> label = Map.of(WellKnownMetadata.HOOK_ID_LABEL,
                    hook.hook().label(WellKnownMetadata.HOOK_ID_LABEL).orElse(""));
            for (Resource object : context.target().findLabelled(key.group(), key.kind(), key.namespace(), label)) {
                if (isHookOfThisApplication(object)) {
                    previous.add(object.key());
                }
            }
        } else {
            Optional<LiveResource> live = context.target().observe(List.of(key)).get(key);
            if (live.isEmpty()) {
                return;
            }
            if (!isHookOfThisApplication(live.get().object())) {
                throw new TargetException(key, "an object of this name exists and is not a hook of application "
                        + context.application() + " (it has no " + WellKnownMetadata.HOOK_OF + ": "
                        + context.application() + "); delete it or rename the hook");
            }
            if (!hook.deletes(HookDeletePolicy.BEFORE_HOOK_CREATION)) {
                throw new TargetException(key, "the object an earlier run made of this hook still exists and the "
                        + "hook's delete policy " + hook.deletePolicies() + " does not replace it; add "
                        + HookDeletePolicy.BEFORE_HOOK_CREATION.argoName() + " or give it a metadata.generateName");
            }
            previous.add(key);
        }
        for (ResourceKey object : previous) {
            LOG.info("deleting {}, made by an earlier run of hook {}", object, hook);
            context.target().delete(object, DeleteOptions.DEFAULT);
        }
        Map<ResourceKey, Health> left = await(previous, GONE);
        left.forEach((object, health) -> {
            if (!GONE.test(health)) {
                throw new TargetException(object, "the object an earlier run made of this hook is still being "
                        + "deleted (" + health + "); the hook is created once it is gone");
            }
        });
    }

    private boolean isHookOfThisApplication(Resource object) {
        return object.annotation(WellKnownMetadata.HOOK_OF).filter(context.application()::equals).isPresent()
                || object.annotation(WellKnownMetadata.TRACKING_ID)
                        .filter(TrackingId.of(context.application(), object.key())::equals).isPresent();
    }

    private Map<ResourceKey, Health> await(List<ResourceKey> keys, Predicate<Health> settled) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return new HealthWait(context.target(), context.clock(), context.sleeper(), context.healthPollInterval(),
                polled -> { }).await(keys, deadline.left(), settled);
    }

    private HookResult failed(HookStep hook, String name, String message, Instant start) {
        return new HookResult(hook.phase(), hook.key(), name, HookResult.Status.FAILED, secrets.scrub(message),
                since(start));
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "; " + second;
    }

    private static String message(RuntimeException e) {
        if (!(e instanceof GitOpsException)) {
            LOG.debug("hook call failed unexpectedly", e);
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private Duration since(Instant start) {
        return Duration.between(start, context.clock().instant());
    }
}
