package io.gitops4j.loop;

import static java.util.Objects.requireNonNull;

import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.Revision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one application's state in a {@link GitOpsController}: what was applied, what it is pinned to,
 * the latest revision seen, whether live matches desired, health, the last error, the drift last seen, when
 * it runs next, which dependency it waits for, and which sync window blocks it.
 *
 * <p>Immutable and thread-safe; a new snapshot is taken on each {@link GitOpsController#status(String)}.
 */
public final class ApplicationStatus {
    private final String application;
    private final Revision lastAppliedRevision;
    private final Revision pinnedRevision;
    private final String latestRevisionId;
    private final SyncState syncState;
    private final HealthStatus health;
    private final String lastError;
    private final List<Drift> drift;
    private final Instant nextRun;
    private final boolean suspended;
    private final boolean running;
    private final int consecutiveFailures;
    private final String waitingFor;
    private final String blockedBy;
    private final String renderedBy;

    ApplicationStatus(String application, Revision lastAppliedRevision, Revision pinnedRevision,
                      String latestRevisionId, SyncState syncState, HealthStatus health, String lastError,
                      List<Drift> drift, Instant nextRun, boolean suspended, boolean running, int consecutiveFailures,
                      String waitingFor, String blockedBy, String renderedBy) {
        this.application = requireNonNull(application, "application is null");
        this.lastAppliedRevision = lastAppliedRevision;
        this.pinnedRevision = pinnedRevision;
        this.latestRevisionId = latestRevisionId;
        this.syncState = requireNonNull(syncState, "syncState is null");
        this.health = requireNonNull(health, "health is null");
        this.lastError = lastError;
        this.drift = List.copyOf(drift);
        this.nextRun = nextRun;
        this.suspended = suspended;
        this.running = running;
        this.consecutiveFailures = consecutiveFailures;
        this.waitingFor = waitingFor;
        this.blockedBy = blockedBy;
        this.renderedBy = requireNonNull(renderedBy, "renderedBy is null");
    }

    /**
     * Returns the application.
     *
     * @return the name
     */
    public String application() {
        return application;
    }

    /**
     * Returns the revision last applied successfully (also known from the target's inventory after a restart).
     *
     * @return the revision, or empty when nothing was applied yet
     */
    public Optional<Revision> lastAppliedRevision() {
        return Optional.ofNullable(lastAppliedRevision);
    }

    /**
     * Returns the renderer that produced the desired state the last run loaded, as Argo CD's application status
     * names its source type ({@link io.gitops4j.reconcile.ReconcileResult#renderedBy()}).
     *
     * @return e.g. {@code kustomize (native)} or {@code helm}; {@code ""} for plain manifests, or before any run
     *     loaded a state
     */
    public String renderedBy() {
        return renderedBy;
    }

    /**
     * Returns the revision a rollback pinned the application to.
     *
     * @return the pinned revision, or empty when the application tracks the latest revision
     */
    public Optional<Revision> pinnedRevision() {
        return Optional.ofNullable(pinnedRevision);
    }

    /**
     * Returns the latest revision id the source reported (while pinned, the one that is not applied).
     *
     * @return the id, or empty when the source was not read successfully yet
     */
    public Optional<String> latestRevisionId() {
        return Optional.ofNullable(latestRevisionId);
    }

    /**
     * Returns whether live matched desired at the last run.
     *
     * @return the sync state
     */
    public SyncState syncState() {
        return syncState;
    }

    /**
     * Returns the worst health of the application's declared resources as of its last successful run: those the
     * run applied as the engine reported them, the others observed afresh (a missing one is
     * {@link HealthStatus#MISSING}); a failed run keeps the previous health.
     *
     * @return the health, {@link HealthStatus#UNKNOWN} until a run reported one or when the target could not be read
     */
    public HealthStatus health() {
        return health;
    }

    /**
     * Returns the error of the last run, which is cleared by a successful run.
     *
     * @return the message, or empty after a successful run
     */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /**
     * Returns the drift the last run found against an applied revision.
     *
     * @return the drifted resources, empty when none
     */
    public List<Drift> drift() {
        return drift;
    }

    /**
     * Returns when the next run is scheduled.
     *
     * @return the instant by the controller's clock, or empty while running, queued, suspended or closed
     */
    public Optional<Instant> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    /**
     * Tells whether the application is suspended.
     *
     * @return {@code true} when suspended
     */
    public boolean suspended() {
        return suspended;
    }

    /**
     * Tells whether a run is in progress.
     *
     * @return {@code true} while running
     */
    public boolean running() {
        return running;
    }

    /**
     * Returns how many runs failed in a row (the back-off grows with it).
     *
     * @return 0 after a successful run
     */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /**
     * Returns why the last run was deferred: which dependency is not ready and why, e.g.
     * {@code "waiting for dependency db (not healthy: DEGRADED)"}; cleared when a run proceeds.
     *
     * @return the reason, or empty when the application is not waiting for a dependency
     */
    public Optional<String> waitingFor() {
        return Optional.ofNullable(waitingFor);
    }

    /**
     * Returns why the last run was skipped for a sync window, e.g. {@code "blocked by window deny '0 22 * * *' for
     * 8h in Europe/Berlin until 2026-03-30T04:00:00Z"}; cleared when a run goes ahead.
     *
     * @return the reason, or empty when no window blocked the last run
     */
    public Optional<String> blockedBy() {
        return Optional.ofNullable(blockedBy);
    }

    @Override
    public String toString() {
        return "ApplicationStatus{application=" + application + ", lastApplied=" + lastAppliedRevision
                + (pinnedRevision == null ? "" : ", pinned=" + pinnedRevision)
                + ", latest=" + latestRevisionId + (renderedBy.isEmpty() ? "" : ", renderedBy=" + renderedBy)
                + ", sync=" + syncState + ", health=" + health
                + (lastError == null ? "" : ", lastError=" + lastError) + ", drift=" + drift.size()
                + (waitingFor == null ? "" : ", " + waitingFor)
                + (blockedBy == null ? "" : ", " + blockedBy) + ", nextRun=" + nextRun + ", suspended=" + suspended
                + ", failures=" + consecutiveFailures + "}";
    }
}
