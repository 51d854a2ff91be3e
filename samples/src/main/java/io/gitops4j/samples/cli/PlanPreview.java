package io.gitops4j.samples.cli;

import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import java.util.Optional;

/**
 * What a reconcile would do, computed by the engine's plan-only run ({@link GitOpsEngine#plan()}): nothing is
 * written, not even a server-side dry run, so {@code plan} and {@code diff} can plan a first deployment whose
 * objects live in a namespace the same plan creates; {@code apply --dry-run} uses the engine's dry run.
 *
 * @param revision the revision planned
 * @param plan the plan, with the field-level diff of every step
 */
record PlanPreview(Revision revision, Plan plan) {

    /**
     * Plans with an engine.
     *
     * @param engine the session's engine
     * @return the preview
     * @throws CommandException when the source cannot be loaded or a resource cannot be prepared, with the engine's
     *     message (it names the file or the resource)
     */
    static PlanPreview of(GitOpsEngine engine) {
        ReconcileResult planned = engine.plan();
        Optional<String> error = planned.error();
        if (error.isPresent()) {
            throw new CommandException(error.get());
        }
        if (!planned.failedSteps().isEmpty()) {
            StepResult first = planned.failedSteps().get(0);
            throw new CommandException(first.key() + ": " + first.message());
        }
        return new PlanPreview(planned.revision().orElseThrow(), planned.plan());
    }
}
