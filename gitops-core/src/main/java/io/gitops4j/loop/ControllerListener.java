package io.gitops4j.loop;

import io.gitops4j.model.Revision;
import java.time.Duration;
import java.util.List;

/**
 * Observes what a {@link GitOpsController} does: runs, new revisions, drift, source failures, runs deferred
 * for a dependency.
 *
 * <p>Every method has a no-op default, so new events never break an implementation; {@link #NOOP} listens to
 * nothing. Events of one run arrive on the worker thread that runs it; runs of different applications run in
 * parallel, so implementations must be thread-safe. Listeners must be fast and must not throw: the controller
 * calls them inline and logs and ignores what they throw.
 */
public interface ControllerListener {

    /** A listener that ignores every event. */
    ControllerListener NOOP = new ControllerListener() {
    };

    /**
     * Returns a listener that passes every event to each of the given listeners, in order. One that throws is
     * logged and skipped; the others still receive the event.
     *
     * <pre>{@code
     * GitOpsController.builder().listener(ControllerListener.of(metrics.controllerListener(), auditLog))...
     * }</pre>
     *
     * @param listeners the listeners, none null; each must be thread-safe
     * @return one listener; {@link #NOOP} when none is given, the listener itself when one is given
     */
    static ControllerListener of(ControllerListener... listeners) {
        List<ControllerListener> all = List.of(listeners);
        if (all.isEmpty()) {
            return NOOP;
        }
        return all.size() == 1 ? all.get(0) : new GuardedControllerListener(all);
    }

    /**
     * A run of an application started.
     *
     * @param application the application
     * @param reason why it runs
     */
    default void runStarted(String application, RunReason reason) {
    }

    /**
     * A run of an application finished, successfully or not.
     *
     * @param application the application
     * @param entry what the run did, as kept in the history
     */
    default void runFinished(String application, HistoryEntry entry) {
    }

    /**
     * The source of an application has a revision it had not applied.
     *
     * @param application the application
     * @param previousRevisionId the revision applied before, or {@code ""} when none
     * @param revisionId the new revision
     */
    default void newRevision(String application, String previousRevisionId, String revisionId) {
    }

    /**
     * Live state drifted from a revision already applied.
     *
     * @param application the application
     * @param revision the applied revision
     * @param drift the drifted resources with the paths that differ
     * @param corrected {@code true} when self-heal corrected it in this run, {@code false} when only reported
     */
    default void driftDetected(String application, Revision revision, List<Drift> drift, boolean corrected) {
    }

    /**
     * The source of an application could not be read; the last applied revision stays and nothing is pruned.
     *
     * @param application the application
     * @param error what failed, without credentials
     */
    default void sourceFailed(String application, String error) {
    }

    /**
     * A run of an application was deferred because a dependency is not ready; it runs again when the dependency
     * becomes ready, or on its interval.
     *
     * @param application the application
     * @param dependency the first dependency (by name) that is not ready
     * @param reason why it is not ready, e.g. {@code "not healthy: DEGRADED"}
     */
    default void runDeferred(String application, String dependency, String reason) {
    }

    /**
     * A run of an application was skipped (not failed) because a sync window blocks it; nothing was read or
     * applied, and the next run is scheduled no later than the window's end.
     *
     * @param application the application
     * @param reason e.g. {@code "blocked by window deny '0 22 * * *' for 8h in UTC until 2026-01-02T06:00:00Z"}
     * @param until when a run may go ahead, or {@code null} when the windows show no opening within a year
     */
    default void runBlocked(String application, String reason, java.time.Instant until) {
    }

    /**
     * The source of an application was asked for its latest revision (a fetch, for Git), and answered or failed.
     * Not called when the answer was shared from another application's fetch of the same repository.
     *
     * @param application the application whose run fetched
     * @param duration how long the fetch took, by the controller's clock
     * @param succeeded {@code false} when the source could not be read ({@link #sourceFailed} follows)
     */
    default void sourceFetched(String application, Duration duration, boolean succeeded) {
    }

    /**
     * A run's outcome was recorded in the application's status: sync state, health, last error. Called after
     * every run, after {@link #runFinished}.
     *
     * @param status the status right after the run
     */
    default void statusUpdated(ApplicationStatus status) {
    }
}
