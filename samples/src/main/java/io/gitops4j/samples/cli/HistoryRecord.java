package io.gitops4j.samples.cli;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileResult;
import java.time.Instant;

/**
 * One line of the command-line tool's history: a run of {@code apply} or {@code rollback}.
 *
 * @param time when the run finished
 * @param application the application
 * @param command {@code apply} or {@code rollback}
 * @param revision the revision id loaded, "" when the load failed
 * @param digest the content digest of that revision, "" when unknown
 * @param outcome the run's outcome ({@code APPLIED}, {@code CONVERGED}, {@code FAILED})
 * @param summary the plan summary line
 * @param error the run's first error, "" when it succeeded
 */
public record HistoryRecord(Instant time, String application, String command, String revision, String digest,
        String outcome, String summary, String error) {

    /** Validates the components. */
    public HistoryRecord {
        requireNonNull(time, "time is null");
        requireNonNull(application, "application is null");
        requireNonNull(command, "command is null");
        requireNonNull(revision, "revision is null");
        requireNonNull(digest, "digest is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(error, "error is null");
    }

    /**
     * Records a finished run.
     *
     * @param command the command that ran it
     * @param result the run's result
     * @return the record
     */
    static HistoryRecord of(String command, ReconcileResult result) {
        String error = result.error().orElse(result.failedSteps().isEmpty() ? ""
                : result.failedSteps().get(0).toString());
        return new HistoryRecord(result.finished(), result.application(), command,
                result.revision().map(Revision::id).orElse(""), result.revision().map(Revision::digest).orElse(""),
                result.outcome().name(), result.plan().summary(), error);
    }

    /**
     * Tells whether the run ended without failure and loaded a revision, so it can be rolled back to.
     *
     * @return {@code true} for a successful run with a revision
     */
    public boolean succeeded() {
        return !outcome.equals(ReconcileResult.Outcome.FAILED.name()) && !revision.isEmpty();
    }

    /**
     * Returns the revision to load to return to this run's state.
     *
     * @return the revision with its digest
     */
    public Revision toRevision() {
        return new Revision(revision, digest);
    }
}
