package io.gitops4j.reconcile;

import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which planned deletions a run attempts, by the sync options of each live object over its application's: an
 * object marked {@code Prune=confirm} waits (skipped, still owned) for a run with
 * {@link ReconcileOptions#confirmPrune()}; one marked {@code Delete=false} is kept and released from the inventory
 * when the application's resources are deleted (an empty desired state reconciled with
 * {@link ReconcileOptions#allowEmpty()}); the application's {@code Prune=false} keeps every object (skipped, still
 * owned) as prune off does; {@code PruneLast=true} moves an object after every other deletion.
 *
 * @param toDelete the deletions to attempt, in order
 * @param kept what the objects not attempted became: skipped steps, and the keys released
 */
record PruneSelection(List<PlanStep> toDelete, ExecutionReport kept) {

    /**
     * Selects the deletions.
     *
     * @param deletes the planned deletions, in deletion order
     * @param options the run's options
     * @param teardown whether the run deletes the application's resources (it declares nothing)
     */
    static PruneSelection of(List<PlanStep> deletes, ReconcileOptions options, boolean teardown) {
        List<PlanStep> first = new ArrayList<>();
        List<PlanStep> last = new ArrayList<>();
        List<StepResult> skipped = new ArrayList<>();
        TreeSet<ResourceKey> released = new TreeSet<>();
        for (PlanStep step : deletes) {
            Resource live = ((ResourceDiff.Existing) step.diff()).live().object();
            SyncOptions sync = SyncPolicy.of(options, live);
            if (teardown && !sync.delete()) {
                boolean release = !options.dryRun();
                if (release) {
                    released.add(step.key());
                }
                skipped.add(StepResult.skipped(step.key(), step.action(), "not deleted: Delete=false keeps it when "
                        + "the application's resources are deleted" + (release ? "; released from the inventory" : "")));
            } else if (sync.prune() == SyncOptions.PruneMode.CONFIRM && !options.confirmPrune()) {
                skipped.add(StepResult.skipped(step.key(), step.action(), "not deleted: Prune=confirm, the deletion "
                        + "waits for confirmation; reconcile with"
                        + " ReconcileOptions.confirmPrune(true) to delete it"));
            } else if (sync.prune() == SyncOptions.PruneMode.DISABLED
                    && WellKnownMetadata.pruneDisabledBy(live.annotations()).isEmpty()) {
                skipped.add(StepResult.skipped(step.key(), step.action(), "not deleted: the application's sync "
                        + "options say Prune=false; the resource is no longer declared but kept"));
            } else {
                (sync.pruneLast() ? last : first).add(step);
            }
        }
        first.addAll(last);
        return new PruneSelection(List.copyOf(first), new ExecutionReport(skipped, new TreeSet<>(), new TreeSet<>(),
                released, new TreeMap<>()));
    }
}
