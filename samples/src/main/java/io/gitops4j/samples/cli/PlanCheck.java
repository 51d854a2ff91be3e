package io.gitops4j.samples.cli;

import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.samples.render.PlanError;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors {@code apply} with the same options would hit, as the engine's plan-only run reports them, so
 * {@code plan} never promises what {@code apply} refuses: the run-level refusal (a failed load, an empty source, a
 * prune the safety limit refuses) and the resources that cannot be prepared or are owned by another application.
 * Stateless.
 */
final class PlanCheck {

    private PlanCheck() {
    }

    /**
     * Returns the errors of a plan-only run, in the command-line tool's words.
     *
     * @param planned the engine's plan-only result
     * @return the errors, in the order apply meets them
     */
    static List<PlanError> errors(ReconcileResult planned) {
        List<PlanError> errors = new ArrayList<>();
        planned.error().ifPresent(message -> errors.add(PlanError.ofRun(inCliWords(message))));
        for (StepResult failed : planned.failedSteps()) {
            errors.add(new PlanError(failed.key().toString(), failed.action().name(), failed.message()));
        }
        return List.copyOf(errors);
    }

    /** The engine names its builder options; the tool's users set the same switches as flags. */
    static String inCliWords(String message) {
        return message.replace("allowLargePrune()", "--allow-large-prune").replace("allowEmpty()", "--allow-empty");
    }
}
