package io.gitops4j.samples.cli;

import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.samples.render.PlanError;
import java.util.List;

/**
 * What a reconcile would do, computed by the engine's plan-only run ({@link GitOpsEngine#plan(ReconcileOptions)}):
 * nothing is written, not even a server-side dry run, so {@code plan} and {@code diff} can plan a first deployment
 * whose objects live in a namespace the same plan creates; {@code apply --dry-run} uses the engine's dry run.
 *
 * @param revision the revision planned
 * @param plan the plan, with the field-level diff of every step
 * @param errors what {@code apply} with the same options would fail on ({@link PlanCheck}); empty when none
 * @param renderedBy the renderer that produced the state ({@link ReconcileResult#renderedBy()}); {@code ""} for
 *     plain manifests
 */
record PlanPreview(Revision revision, Plan plan, List<PlanError> errors, String renderedBy) {

    /** Copies the errors. */
    PlanPreview {
        errors = List.copyOf(errors);
    }

    /**
     * Plans with an engine.
     *
     * @param engine the session's engine
     * @param options the options apply would run with
     * @return the preview, with the errors apply would hit
     * @throws CommandException when the desired state cannot be loaded (the engine's message names the source or the
     *     file): there is nothing to plan
     */
    static PlanPreview of(GitOpsEngine engine, ReconcileOptions options) {
        ReconcileResult planned = engine.plan(options);
        if (planned.revision().isEmpty()) {
            throw new CommandException(planned.error().orElse("cannot load the desired state"));
        }
        return new PlanPreview(planned.revision().get(), planned.plan(), PlanCheck.errors(planned),
                planned.renderedBy());
    }

    /**
     * Tells whether apply would fail.
     *
     * @return {@code true} when there are errors
     */
    boolean failed() {
        return !errors.isEmpty();
    }

    /**
     * Returns the exit code of {@code plan}: 1 with errors, else 2 with changes, else 0.
     *
     * @return the exit code
     */
    int exitCode() {
        return failed() ? ExitCodes.ERROR : plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
