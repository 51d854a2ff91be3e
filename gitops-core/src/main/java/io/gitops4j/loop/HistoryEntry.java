package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.reconcile.ReconcileResult.Outcome;
import java.time.Instant;

/**
 * One run of an application as kept in its history: which revision, why, how it ended, when, and how many steps
 * did what.
 *
 * @param application the application
 * @param revision the revision id the run reconciled; {@code ""} when the source could not be read
 * @param reason why the run happened
 * @param pinned whether the application was pinned to this revision by a rollback
 * @param outcome how the run ended; {@link Outcome#FAILED} also when the source could not be read
 * @param started when the run started
 * @param finished when the run finished
 * @param applied resources created or updated (or that would be, in a dry run)
 * @param deleted resources pruned
 * @param failed steps that failed
 * @param drifted resources found drifted from an already applied revision
 * @param error the run-level error, or {@code ""}
 */
public record HistoryEntry(String application, String revision, RunReason reason, boolean pinned, Outcome outcome,
                           Instant started, Instant finished, int applied, int deleted, int failed, int drifted,
                           String error) {

    /** Validates the components. */
    public HistoryEntry {
        requireNonNull(application, "application is null");
        requireNonNull(revision, "revision is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(started, "started is null");
        requireNonNull(finished, "finished is null");
        requireNonNull(error, "error is null");
        if (applied < 0 || deleted < 0 || failed < 0 || drifted < 0) {
            throw new IllegalArgumentException("step counts must not be negative");
        }
    }
}
