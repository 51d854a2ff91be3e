package io.gitops4j.plan;

import static java.util.Objects.requireNonNull;

import io.gitops4j.PlanException;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Separates the hooks of a desired state from its resources and orders them, as Argo CD reads them.
 *
 * <p>An object is a hook when it carries {@link WellKnownMetadata#ARGO_HOOK} (then its {@code helm.sh/*} hook
 * annotations are ignored) or {@link WellKnownMetadata#HELM_HOOK} (other than Helm 2's {@code crd-install}, which
 * stays an ordinary resource). Helm hooks are mapped as Argo CD maps them: {@code pre-install} and
 * {@code pre-upgrade} to {@link HookPhase#PRE_SYNC}, {@code post-install} and {@code post-upgrade} to
 * {@link HookPhase#POST_SYNC}, {@code helm.sh/hook-weight} to the wave (unless a sync-wave annotation is set), and
 * {@code helm.sh/hook-delete-policy} to the {@link HookDeletePolicy}s; the other Helm hook types are not run, which
 * the step's note says. A hook with several phases is one step per phase. Steps are ordered by phase, wave, kind
 * priority (as resources are) and key.
 *
 * <p>Bad hook annotations are errors, not guesses: an unknown hook phase, Helm hook type or delete policy, a
 * non-integer weight, a delete policy without a hook, and {@code metadata.generateName} on an object that is not a
 * hook are {@link PlanException}s naming the resource. Immutable and thread-safe.
 */
public final class Hooks {
    private static final Comparator<HookStep> ORDER = Comparator.comparingInt((HookStep s) -> s.phase().ordinal())
            .thenComparingInt(HookStep::wave).thenComparingInt(s -> KindOrder.rank(s.key()))
            .thenComparing(HookStep::key);
    private static final Set<String> HELM_NOT_RUN = Set.of("pre-delete", "post-delete", "pre-rollback",
            "post-rollback", "test", "test-success", "test-failure", "crd-install");

    private final List<Resource> resources;
    private final List<HookStep> steps;

    private Hooks(List<Resource> resources, List<HookStep> steps) {
        this.resources = List.copyOf(resources);
        this.steps = List.copyOf(steps);
    }

    /**
     * Separates hooks from resources.
     *
     * @param objects the declared objects
     * @return the resources (in the given order) and the ordered hook steps
     * @throws PlanException for a bad hook annotation, or a {@code generateName} on an object that is no hook
     */
    public static Hooks of(Collection<Resource> objects) {
        requireNonNull(objects, "objects is null");
        List<Resource> resources = new ArrayList<>(objects.size());
        List<HookStep> steps = new ArrayList<>();
        for (Resource object : objects) {
            if (WellKnownMetadata.isHook(object.annotations())) {
                steps.addAll(stepsOf(object));
            } else {
                resources.add(ordinary(object));
            }
        }
        return new Hooks(resources, order(steps));
    }

    /**
     * Orders hook steps by phase, wave, kind priority and key.
     *
     * @param steps the steps, in any order
     * @return a new sorted list
     */
    public static List<HookStep> order(Collection<HookStep> steps) {
        List<HookStep> sorted = new ArrayList<>(steps);
        sorted.sort(ORDER);
        return sorted;
    }

    /**
     * Returns the objects that are not hooks.
     *
     * @return an unmodifiable list, in the order given
     */
    public List<Resource> resources() {
        return resources;
    }

    /**
     * Returns the hook steps in run order.
     *
     * @return an unmodifiable list, ordered by phase, wave, kind and key
     */
    public List<HookStep> steps() {
        return steps;
    }

    private static Resource ordinary(Resource object) {
        if (object.hasGeneratedName()) {
            throw new PlanException(object.key(), "metadata.generateName is only supported for hooks"
                    + where(object) + ": give the object a metadata.name, or make it a hook with "
                    + WellKnownMetadata.ARGO_HOOK + " (or " + WellKnownMetadata.HELM_HOOK + ")");
        }
        if (object.annotation(WellKnownMetadata.ARGO_HOOK_DELETE_POLICY).isPresent()) {
            throw new PlanException(object.key(), WellKnownMetadata.ARGO_HOOK_DELETE_POLICY + " is set but "
                    + WellKnownMetadata.ARGO_HOOK + " is not" + where(object) + ": add the hook annotation, or "
                    + "remove the delete policy from this ordinary resource");
        }
        return object;
    }

    private static List<HookStep> stepsOf(Resource hook) {
        Optional<String> argo = hook.annotation(WellKnownMetadata.ARGO_HOOK);
        Set<HookPhase> phases = new LinkedHashSet<>();
        List<HookDeletePolicy> policies = new ArrayList<>(values(hook, WellKnownMetadata.ARGO_HOOK_DELETE_POLICY,
                HookDeletePolicy::ofArgoName, "HookSucceeded, HookFailed or BeforeHookCreation"));
        String note = "";
        int wave;
        if (argo.isPresent()) {
            phases.addAll(values(hook, WellKnownMetadata.ARGO_HOOK, HookPhase::ofArgoName,
                    "PreSync, Sync, PostSync, SyncFail, PostDelete or Skip"));
            wave = Waves.of(hook);
        } else {
            List<String> notRun = new ArrayList<>();
            for (String type : csv(hook.annotation(WellKnownMetadata.HELM_HOOK).orElse(""))) {
                helmPhase(hook, type).ifPresentOrElse(phases::add, () -> notRun.add(type));
            }
            policies.addAll(values(hook, WellKnownMetadata.HELM_HOOK_DELETE_POLICY, HookDeletePolicy::ofHelmName,
                    "before-hook-creation, hook-succeeded or hook-failed"));
            wave = helmWave(hook);
            if (!notRun.isEmpty()) {
                note = WellKnownMetadata.HELM_HOOK + " " + String.join(",", notRun) + " is not run by gitops4j (as "
                        + "in Argo CD, only pre-install, pre-upgrade, post-install and post-upgrade are)";
            }
            if (phases.isEmpty()) {
                phases.add(HookPhase.SKIP);
            }
        }
        if (policies.isEmpty()) {
            policies.add(HookDeletePolicy.BEFORE_HOOK_CREATION);
        }
        List<HookStep> steps = new ArrayList<>();
        for (HookPhase phase : phases) {
            steps.add(new HookStep(phase, hook.key(), wave, policies, hook, noteOf(phase, note)));
        }
        return steps;
    }

    private static String noteOf(HookPhase phase, String helmNote) {
        if (!helmNote.isEmpty()) {
            return helmNote;
        }
        if (phase == HookPhase.SKIP) {
            return "not applied: " + WellKnownMetadata.ARGO_HOOK + ": Skip";
        }
        if (phase == HookPhase.POST_DELETE) {
            return "not run: PostDelete hooks run when an application is deleted, and gitops4j never deletes an "
                    + "application (removing it from a controller leaves its objects in place)";
        }
        return "";
    }

    private static Optional<HookPhase> helmPhase(Resource hook, String type) {
        switch (type) {
            case "pre-install", "pre-upgrade":
                return Optional.of(HookPhase.PRE_SYNC);
            case "post-install", "post-upgrade":
                return Optional.of(HookPhase.POST_SYNC);
            default:
                if (HELM_NOT_RUN.contains(type)) {
                    return Optional.empty();
                }
                throw new PlanException(hook.key(), "unknown " + WellKnownMetadata.HELM_HOOK + " type '" + type + "'"
                        + where(hook) + "; Helm's hook types are pre-install, pre-upgrade, post-install, "
                        + "post-upgrade, pre-delete, post-delete, pre-rollback, post-rollback and test");
        }
    }

    private static int helmWave(Resource hook) {
        if (hook.annotation(WellKnownMetadata.WAVE).isPresent()
                || hook.annotation(WellKnownMetadata.ARGO_SYNC_WAVE).isPresent()) {
            return Waves.of(hook);
        }
        Optional<String> weight = hook.annotation(WellKnownMetadata.HELM_HOOK_WEIGHT);
        if (weight.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(weight.get().trim());
        } catch (NumberFormatException e) {
            throw new PlanException(hook.key(), "invalid " + WellKnownMetadata.HELM_HOOK_WEIGHT + "='" + weight.get()
                    + "'" + where(hook) + "; a weight is an integer such as \"0\", \"5\" or \"-1\"");
        }
    }

    private static <T> List<T> values(Resource hook, String annotation, Function<String, Optional<T>> parse,
            String expected) {
        List<T> values = new ArrayList<>();
        for (String value : csv(hook.annotation(annotation).orElse(""))) {
            values.add(parse.apply(value).orElseThrow(() -> new PlanException(hook.key(), "unknown " + annotation
                    + " value '" + value + "'" + where(hook) + "; use " + expected)));
        }
        return values;
    }

    private static List<String> csv(String text) {
        List<String> values = new ArrayList<>();
        for (String value : text.split(",")) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return values;
    }

    private static String where(Resource object) {
        return object.provenance().isKnown() ? " (declared in " + object.provenance() + ")" : "";
    }

    /**
     * Tells whether a key names a hook of these steps.
     *
     * @param key a key
     * @return {@code true} when a step has that key
     */
    public boolean isHook(ResourceKey key) {
        return steps.stream().anyMatch(step -> step.key().equals(key));
    }
}
