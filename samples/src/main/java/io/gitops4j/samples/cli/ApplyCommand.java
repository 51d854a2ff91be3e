package io.gitops4j.samples.cli;

import io.gitops4j.reconcile.ReconcileResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gitops4j apply} (alias {@code reconcile}): one reconcile run, recorded in the history. */
@Command(name = "apply", aliases = "reconcile", mixinStandardHelpOptions = true,
        description = {"Reconcile once: apply creates and updates in order, prune what the application owns and no "
            + "longer declares, optionally wait for health.", "Exit code: 0 success, 1 error."})
final class ApplyCommand extends SessionCommand {
    @Mixin
    RunOptions run;

    @Override
    boolean loadsLatestFirst() {
        return true;
    }

    @Override
    public Integer call() {
        try (Session session = open()) {
            ReconcileResult result = session.engine().reconcile(run.toOptions().build());
            int exit = RunReport.report("apply", result, app, run.await, out(), err(), colours(),
                    environment().terminal());
            timing().mark("reported");
            return exit;
        }
    }
}
