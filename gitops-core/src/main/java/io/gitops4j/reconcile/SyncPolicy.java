package io.gitops4j.reconcile;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.DeleteOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@link SyncOptions} to what the engine asks of the target: an object's options (from its annotations)
 * over its application's ({@link ReconcileOptions#syncOptions()}). Stateless.
 */
final class SyncPolicy {
    private SyncPolicy() {
    }

    /** The options in force for one object: the application's, overridden by the object's annotations. */
    static SyncOptions of(ReconcileOptions options, Resource object) {
        if (!declaresOptions(object)) {
            return options.syncOptions();
        }
        return options.syncOptions().overriddenBy(SyncOptions.of(object));
    }

    /** The apply options of one object: replace, recreate on an immutable field, validate and merge. */
    static ApplyOptions applyOptions(ApplyOptions base, Resource desired, ReconcileOptions options) {
        SyncOptions sync = of(options, desired);
        return base.withReplace(sync.replace()).withRecreate(sync.force()).withValidate(sync.validate())
                .withMerge(sync.ssaMerge());
    }

    /** The delete options of one pruned object: its propagation policy. */
    static DeleteOptions deleteOptions(DeleteOptions base, Resource live, ReconcileOptions options) {
        return base.withPropagation(of(options, live).prunePropagationPolicy());
    }

    /**
     * The steps a run applies, in plan order: every declared object when forcing; else the out-of-sync ones plus
     * the in-sync ones whose options say {@code ApplyOutOfSyncOnly=false}.
     */
    static List<PlanStep> applies(Plan plan, ReconcileOptions options) {
        if (options.force()) {
            return plan.allApplies();
        }
        boolean appReapplies = !options.syncOptions().applyOutOfSyncOnly();
        if (!appReapplies && plan.unchanged().stream().noneMatch(step -> declaresOptions(desired(step)))) {
            return plan.applies();
        }
        List<PlanStep> applies = new ArrayList<>();
        for (PlanStep step : plan.allApplies()) {
            if (step.action() != ChangeType.NONE || !of(options, desired(step)).applyOutOfSyncOnly()) {
                applies.add(step);
            }
        }
        return applies;
    }

    /** Tells whether a dry run skips a declared object the target could not resolve (its kind is not served). */
    static boolean skipsDryRunWhenMissing(DesiredState desired, StepResult failure, ReconcileOptions options) {
        Optional<Resource> declared = desired.get(failure.key());
        return options.dryRun() && declared.isPresent() && !failure.message().startsWith("resolves to ")
                && of(options, declared.get()).skipDryRunOnMissingResource();
    }

    /** The warnings of the application's options and of every declared object's, each once. */
    static List<String> warnings(DesiredState desired, ReconcileOptions options) {
        Set<String> warnings = new LinkedHashSet<>(options.syncOptions().warnings());
        for (Resource resource : desired.resources().values()) {
            if (declaresOptions(resource)) {
                warnings.addAll(SyncOptions.of(resource).warnings());
            }
        }
        return List.copyOf(warnings);
    }

    /** The namespaces of the declared objects whose options ask for their namespace to be created, in key order. */
    static Set<String> namespacesToCreate(DesiredState prepared, ReconcileOptions options) {
        Set<String> namespaces = new LinkedHashSet<>();
        boolean app = options.syncOptions().createNamespace();
        for (Resource resource : prepared.resources().values()) {
            ResourceKey key = resource.key();
            if (!key.namespace().isEmpty() && (app || declaresOptions(resource))
                    && of(options, resource).createNamespace()) {
                namespaces.add(key.namespace());
            }
        }
        return namespaces;
    }

    private static Resource desired(PlanStep step) {
        return ((ResourceDiff.Declared) step.diff()).desired();
    }

    /** Whether an object carries any annotation sync options are read from (a cheap test before parsing). */
    private static boolean declaresOptions(Resource object) {
        return object.annotation(WellKnownMetadata.SYNC_OPTIONS).isPresent()
                || object.annotation(WellKnownMetadata.ARGO_SYNC_OPTIONS).isPresent()
                || object.annotation(WellKnownMetadata.FLUX_SSA).isPresent()
                || object.annotation(WellKnownMetadata.FLUX_FORCE).isPresent();
    }
}
