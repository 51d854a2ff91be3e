package io.gitops4j.samples.cli;

import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitops4j rollback}: reconcile an earlier revision from the history (or a given commit). */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Reconcile an earlier revision: by default the last successful one before the current, or "
            + "--to N (a number from 'history'), or --revision SHA.", "Exit code: 0 success, 1 error."})
final class RollbackCommand extends SessionCommand {
    @Option(names = "--to", paramLabel = "N", description = "The history entry to return to (see 'history').")
    Integer to;

    @Option(names = "--revision", paramLabel = "SHA", description = "An exact revision (commit SHA) to load.")
    String revision;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        Revision chosen = choose(app.history().read(app.application));
        try (Session session = open()) {
            if (!app.json()) {
                out().println("Rolling back " + session.application() + " to revision " + chosen.shortId());
                out().println();
            }
            ReconcileResult result = session.engine().reconcile(run.toOptions().revision(chosen).build());
            return RunReport.report("rollback", result, app, run.await, out(), err(), colours());
        }
    }

    private Revision choose(List<HistoryRecord> records) {
        if (to != null && revision != null) {
            throw new CommandException("give --to N or --revision SHA, not both");
        }
        if (revision != null) {
            return Revision.of(revision);
        }
        if (to != null) {
            if (to < 1 || to > records.size()) {
                throw new CommandException("--to " + to + " is not in the history of " + app.application + " ("
                        + records.size() + " entries); run 'gitops4j history' to see them");
            }
            HistoryRecord record = records.get(to - 1);
            if (!record.succeeded()) {
                throw new CommandException("history entry " + to + " failed; roll back to a successful entry");
            }
            return record.toRevision();
        }
        String current = records.isEmpty() ? "" : records.get(records.size() - 1).revision();
        for (int i = records.size() - 1; i >= 0; i--) {
            HistoryRecord record = records.get(i);
            if (record.succeeded() && !record.revision().equals(current)) {
                return record.toRevision();
            }
        }
        throw new CommandException("no earlier successful revision of " + app.application + " in "
                + app.history().file() + "; apply at least two revisions first, or pass --revision SHA");
    }
}
