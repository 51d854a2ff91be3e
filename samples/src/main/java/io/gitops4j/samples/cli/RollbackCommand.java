package io.gitops4j.samples.cli;

import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.target.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitops4j rollback}: reconcile an earlier revision from the target's run records (or a given commit). */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Reconcile an earlier revision: by default the last one that applied and became healthy "
            + "before the current (runs with --wait, or on targets healthy at once), or --to N (a number from "
            + "'history'), or --revision SHA.", "Exit code: 0 success, 1 error."})
final class RollbackCommand extends SessionCommand {
    @Option(names = "--to", paramLabel = "N", description = "The run to return to (a number from 'history').")
    Long to;

    @Option(names = "--revision", paramLabel = "SHA", description = "An exact revision (commit SHA) to load.")
    String revision;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        if (to != null && revision != null) {
            throw new CommandException("give --to N or --revision SHA, not both");
        }
        try (Session session = open()) {
            Revision chosen = revision != null ? Revision.of(revision) : choose(session.target().target());
            if (!app.json()) {
                out().println("Rolling back " + session.application() + " to revision " + chosen.shortId());
                out().println();
            }
            ReconcileResult result = session.engine().reconcile(run.toOptions().revision(chosen).build());
            return RunReport.report("rollback", result, app, run.await, out(), err(), colours(), true);
        }
    }

    private Revision choose(Target target) {
        HistoryStore history = target.historyStore();
        if (to != null) {
            RunRecord record = history.list(app.application).stream().filter(r -> r.sequence() == to).findFirst()
                    .orElseThrow(() -> new CommandException("run " + to + " of " + app.application
                            + " is not in its history; run 'gitops4j history' to see the runs kept"));
            if (!record.rollbackPoint()) {
                throw new CommandException("run " + to + " ended " + record.outcome() + " with health "
                        + record.health() + "; roll back to a run that applied and became healthy, or pass "
                        + "--revision SHA");
            }
            return record.revision().orElseThrow();
        }
        String current = target.inventoryStore().load(app.application).flatMap(Inventory::revision)
                .map(Revision::id).orElse("");
        return history.lastRollbackPoint(app.application, current).flatMap(RunRecord::revision)
                .orElseThrow(() -> new CommandException("no earlier run of " + app.application + " applied a "
                        + "revision that became healthy (on a cluster, apply with --wait so that health is "
                        + "known); pass --revision SHA"));
    }
}
