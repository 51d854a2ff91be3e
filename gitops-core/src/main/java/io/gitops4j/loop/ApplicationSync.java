package io.gitops4j.loop;

import io.gitops4j.health.HealthStatus;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.Reconciler;
import io.gitops4j.reconcile.StepResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one application, the work of one run: ask the source for its latest revision (shared per repository), decide what to
 * reconcile and how (apply a new or pinned revision; self-heal or dry-run-and-report an applied one), run the
 * engine, and describe the outcome. A source that cannot be read ends the run before the engine, so nothing is
 * pruned. Not thread-safe; one per run.
 */
final class ApplicationSync {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationSync.class);

    /** What the worker knew when the run started. */
    record Input(RunReason reason, long reuseAbove, Revision pinned, Revision lastApplied, boolean inventoryRead,
                 String latestId, long seenGeneration) {
    }

    /**
     * What the run found; {@code health == null} keeps the previous health, {@code renderedBy == null} (no state was
     * loaded) the previous renderer.
     */
    record Output(Revision lastApplied, String latestId, long seenGeneration, SyncState sync, HealthStatus health,
                  String error, List<Drift> drift, boolean failed, HistoryEntry entry, String renderedBy) {
    }

    private final Application app;
    private final Reconciler engine;
    private final WorkerContext context;
    private final Input in;
    private final Instant started;

    ApplicationSync(Application app, Reconciler engine, WorkerContext context, Input in) {
        this.app = app;
        this.engine = engine;
        this.context = context;
        this.in = in;
        this.started = context.clock().instant();
    }

    Output execute() {
        context.listener().runStarted(app.name(), in.reason());
        Revision applied = in.lastApplied() != null || in.inventoryRead() ? in.lastApplied() : inventoryRevision();
        SharedFetches.Answer answer = context.fetches().latest(app.source(), in.reuseAbove());
        if (answer.took() != null) {
            context.listener().sourceFetched(app.name(), answer.took(), answer.failure() == null);
        }
        if (answer.changed()) {
            context.news().newRevision(app.source().fetchKey(), app.name());
        }
        String latest = answer.revisionId() != null ? answer.revisionId() : in.latestId();
        String sourceError = null;
        if (answer.failure() != null) {
            sourceError = "cannot read the latest revision of " + app.source().describe() + ": "
                    + message(answer.failure()) + "; keeping " + (applied == null ? "nothing applied" : applied)
                    + ", nothing is pruned; the next run retries";
            LOG.warn("application {}: {}", app.name(), sourceError);
            context.listener().sourceFailed(app.name(), sourceError);
            if (in.pinned() == null) {
                return new Output(applied, latest, answer.generation(), SyncState.UNKNOWN, null, sourceError, List.of(),
                        true, entry("", Outcome.FAILED, null, 0, sourceError), null);
            }
        }
        Revision wanted = in.pinned() != null ? in.pinned() : Revision.of(latest);
        boolean newRevision = applied == null || !applied.id().equals(wanted.id());
        if (latest != null && !latest.equals(in.latestId()) && (applied == null || !latest.equals(applied.id()))) {
            context.listener().newRevision(app.name(), applied == null ? "" : applied.id(), latest);
        }
        long checked = answer.generation();
        if (newRevision && in.pinned() == null && applied != null && unchangedUnderPath(applied.id(), latest)) {
            Revision recorded = new Revision(latest, applied.digest());
            LOG.info("application {}: revision {} changes nothing under its path; recorded without reloading",
                    app.name(), recorded);
            return new Output(recorded, latest, checked, SyncState.SYNCED,
                    HealthRefresh.worstOwned(app.name(), app.target()), null, List.of(), false,
                    entry(latest, Outcome.CONVERGED, null, 0, ""), null);
        }
        return reconcile(wanted, applied, newRevision, latest, checked, sourceError);
    }

    private Output reconcile(Revision wanted, Revision applied, boolean newRevision, String latest, long checked,
                             String sourceError) {
        boolean dry = app.reconcileOptions().dryRun() || (!newRevision && !app.selfHeal());
        ReconcileOptions options = app.reconcileOptions().newBuilder().dryRun(dry).revision(wanted).build();
        ReconcileResult result = engine.reconcile(options);
        List<Drift> drift = newRevision || !result.revision().isPresent() ? List.of() : Drift.of(result.plan());
        if (!drift.isEmpty()) {
            boolean corrected = !dry && result.succeeded();
            LOG.info("application {}: drift from {} {}: {}", app.name(), wanted, corrected ? "corrected" : "reported",
                    drift);
            context.listener().driftDetected(app.name(), result.revision().orElse(wanted), drift, corrected);
        }
        String revisionId = result.revision().map(Revision::id).orElse("");
        String renderedBy = result.revision().isPresent() ? result.renderedBy() : null;
        if (!result.succeeded()) {
            String error = runError(result);
            if (result.revision().isEmpty()) {
                context.listener().sourceFailed(app.name(), error);
            }
            SyncState sync = result.revision().isEmpty() ? SyncState.UNKNOWN : SyncState.OUT_OF_SYNC;
            // a run that ran out of its deadline is not a failure to back off from: the next run comes on the interval
            boolean failed = result.outcome() != Outcome.TIMED_OUT;
            return new Output(applied, latest, checked, sync, null, error, drift, failed,
                    entry(revisionId, result.outcome(), result, drift.size(), error), renderedBy);
        }
        Revision nowApplied = dry ? applied : result.revision().orElse(applied);
        SyncState sync = dry && result.plan().hasChanges() ? SyncState.OUT_OF_SYNC : SyncState.SYNCED;
        return new Output(nowApplied, latest, checked, sync, HealthRefresh.worst(app.name(), app.target(), result),
                sourceError, drift, false,
                entry(revisionId, result.outcome(), result, drift.size(), sourceError == null ? "" : sourceError),
                renderedBy);
    }

    private Revision inventoryRevision() {
        try {
            return app.target().inventoryStore().load(app.name()).flatMap(Inventory::revision).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("application {}: cannot read its inventory to learn the applied revision: {}", app.name(),
                    message(e));
            return null;
        }
    }

    /** Tells whether the source says no file under its root changed between two revisions. */
    private boolean unchangedUnderPath(String from, String to) {
        try {
            Optional<Set<String>> changed = app.source().changedPaths(from, to);
            return changed.isPresent() && changed.get().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String runError(ReconcileResult result) {
        if (result.error().isPresent()) {
            return result.error().get();
        }
        List<StepResult> failed = result.failedSteps();
        return failed.size() + " step(s) failed, first: " + (failed.isEmpty() ? "?" : failed.get(0).toString());
    }

    private HistoryEntry entry(String revisionId, Outcome outcome, ReconcileResult result, int drifted, String error) {
        int appliedCount = 0;
        int deleted = 0;
        int failed = 0;
        if (result != null) {
            for (StepResult step : result.steps()) {
                appliedCount += step.status() == StepResult.Status.APPLIED ? 1 : 0;
                deleted += step.status() == StepResult.Status.DELETED ? 1 : 0;
                failed += step.isFailed() ? 1 : 0;
            }
        }
        return new HistoryEntry(app.name(), revisionId, in.reason(), in.pinned() != null, outcome, started,
                context.clock().instant(), appliedCount, deleted, failed, drifted, error);
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
