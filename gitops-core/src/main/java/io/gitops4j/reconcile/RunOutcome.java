package io.gitops4j.reconcile;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How a run ended, as a value that carries what the caller needs: {@link Converged}, {@link Applied},
 * {@link DryRun}, {@link Failed} with what went wrong, or {@link TimedOut} with the step the run stopped at.
 * {@link #kind()} gives the same as the simple {@link ReconcileResult.Outcome}. Immutable and thread-safe.
 */
public sealed interface RunOutcome permits RunOutcome.Converged, RunOutcome.Applied, RunOutcome.DryRun,
        RunOutcome.Failed, RunOutcome.TimedOut {

    /**
     * Returns the simple outcome of this case.
     *
     * @return the outcome enum constant
     */
    ReconcileResult.Outcome kind();

    /**
     * Tells whether the run ended without failure.
     *
     * @return {@code false} for {@link Failed} and {@link TimedOut}
     */
    default boolean succeeded() {
        return true;
    }

    /** Nothing to do: live already matched desired (skipped prunes, when prune is off, are listed). */
    record Converged() implements RunOutcome {
        @Override
        public ReconcileResult.Outcome kind() {
            return ReconcileResult.Outcome.CONVERGED;
        }
    }

    /** Changes were applied and every step succeeded. */
    record Applied() implements RunOutcome {
        @Override
        public ReconcileResult.Outcome kind() {
            return ReconcileResult.Outcome.APPLIED;
        }
    }

    /** A dry run (or a plan-only run) found changes: the target validated them and nothing was stored. */
    record DryRun() implements RunOutcome {
        @Override
        public ReconcileResult.Outcome kind() {
            return ReconcileResult.Outcome.DRY_RUN;
        }
    }

    /**
     * The load, observe, plan or inventory failed, a step or a hook failed, or the prune limit refused deletions.
     *
     * @param errors what went wrong, never empty: the run-level error first when there is one, then one line per
     *     failed step, starting with its key ({@code ConfigMap/shop/a: message}); never contains secret values
     */
    record Failed(List<String> errors) implements RunOutcome {
        /** Validates and copies the errors. */
        public Failed {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failed run names at least one error");
            }
        }

        @Override
        public ReconcileResult.Outcome kind() {
            return ReconcileResult.Outcome.FAILED;
        }

        @Override
        public boolean succeeded() {
            return false;
        }
    }

    /**
     * The run passed its {@linkplain ReconcileOptions#deadline() deadline} and stopped at a step boundary: the
     * remaining steps were skipped and nothing more was pruned.
     *
     * @param step what the run was about to do or was doing, e.g. {@code "applying ConfigMap/shop/b"}
     * @param message the run-level message saying so and what to do
     */
    record TimedOut(String step, String message) implements RunOutcome {
        /** Validates the components. */
        public TimedOut {
            requireNonNull(step, "step is null");
            requireNonNull(message, "message is null");
        }

        @Override
        public ReconcileResult.Outcome kind() {
            return ReconcileResult.Outcome.TIMED_OUT;
        }

        @Override
        public boolean succeeded() {
            return false;
        }
    }
}
