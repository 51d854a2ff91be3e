package io.gitops4j.samples.cli;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.samples.render.PlanError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds, before anything is written, the errors {@code apply} with the same options would hit, so {@code plan}
 * never promises what {@code apply} refuses: resources that cannot be prepared and run-level refusals (from the
 * engine's plan-only run), objects owned by another application (the engine's ownership rule: a live tracking id
 * of another application, unless the desired object carries {@code gitops4j.io/adopt: "true"}), and prunes the
 * safety limit refuses. Stateless.
 */
final class PlanCheck {

    private PlanCheck() {
    }

    /**
     * Returns the errors of a plan-only run.
     *
     * @param planned the engine's plan-only result
     * @param application the application
     * @param owned how many resources the application's inventory holds
     * @param options the options apply would run with
     * @return the errors, in the order apply meets them
     */
    static List<PlanError> errors(ReconcileResult planned, String application, int owned, ReconcileOptions options) {
        List<PlanError> errors = new ArrayList<>();
        planned.error().ifPresent(message -> errors.add(PlanError.ofRun(message)));
        for (StepResult failed : planned.failedSteps()) {
            errors.add(new PlanError(failed.key().toString(), failed.action().name(), failed.message()));
        }
        Plan plan = planned.plan();
        for (PlanStep step : options.force() ? plan.allApplies() : plan.applies()) {
            conflict(application, step).ifPresent(message ->
                    errors.add(new PlanError(step.key().toString(), step.action().name(), message)));
        }
        if (errors.isEmpty()) {
            pruneRefusal(plan.deletes(), application, owned, options).ifPresent(m -> errors.add(PlanError.ofRun(m)));
        }
        return List.copyOf(errors);
    }

    private static Optional<String> conflict(String application, PlanStep step) {
        if (!(step.diff() instanceof ResourceDiff.Declared declared)
                || !(step.diff() instanceof ResourceDiff.Existing existing) || adopts(declared.desired())) {
            return Optional.empty();
        }
        return existing.live().object().annotation(WellKnownMetadata.TRACKING_ID)
                .filter(id -> !ownerOf(id).equals(application))
                .map(id -> "not applied: owned by application " + ownerOf(id) + " (" + WellKnownMetadata.TRACKING_ID
                        + "=" + id + "); add the annotation " + WellKnownMetadata.ADOPT + ": \""
                        + WellKnownMetadata.ADOPT_TRUE + "\" to the desired object to take it over");
    }

    private static Optional<String> pruneRefusal(List<PlanStep> deletes, String application, int owned,
            ReconcileOptions options) {
        long deletable = deletes.stream().filter(step -> step.action() == ChangeType.DELETE)
                .filter(step -> step.diff() instanceof ResourceDiff.Existing existing
                        && prunable(application, existing.live())).count();
        if (!options.prune() || deletable == 0 || options.allowLargePrune()
                || deletable <= options.pruneLimit() * owned) {
            return Optional.empty();
        }
        return Optional.of("refusing to delete " + deletable + " of " + owned + " owned resources (limit "
                + Math.round(options.pruneLimit() * 100) + "%); pass --allow-large-prune to proceed");
    }

    private static boolean prunable(String application, LiveResource live) {
        Resource object = live.object();
        if (WellKnownMetadata.pruneDisabledBy(object.annotations()).isPresent()) {
            return false;
        }
        ResourceKey key = live.key();
        String ours = application + ":" + key.group() + "/" + key.kind() + ":" + key.namespace() + "/" + key.name();
        return object.annotation(WellKnownMetadata.TRACKING_ID).map(ours::equals).orElse(true);
    }

    private static boolean adopts(Resource desired) {
        return desired.annotation(WellKnownMetadata.ADOPT)
                .filter(value -> value.trim().toLowerCase(Locale.ROOT).equals(WellKnownMetadata.ADOPT_TRUE)).isPresent();
    }

    private static String ownerOf(String trackingId) {
        int colon = trackingId.indexOf(':');
        return colon < 0 ? trackingId : trackingId.substring(0, colon);
    }
}
