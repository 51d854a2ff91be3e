package io.gitops4j.samples.cli;

import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a reconcile's progress on one rewritten line of stderr, for people at a terminal: loading, planning, then
 * {@code [3/7] applied apps/Deployment/shop/web}, then the health wait
 * ({@link HealthProgress}). Commands use it only when a
 * terminal is attached, so scripts and logs only get the final output. Fast and never throws.
 */
final class ProgressDisplay implements ReconcileListener {
    private final PrintWriter err;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;

    /** Creates a display on {@code err}; use it only when a terminal is attached. */
    ProgressDisplay(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(String application, ReconcileOptions options) {
        show("reconciling " + application + (options.dryRun() ? " (dry run)" : "") + ": loading desired state");
    }

    @Override
    public void loaded(String application, Revision revision, int resources) {
        show("loaded revision " + revision.shortId() + " (" + resources + " resources); observing and planning");
    }

    @Override
    public void planned(String application, Plan plan) {
        total = plan.steps().size();
        show(plan.summary());
    }

    @Override
    public void stepApplied(String application, StepResult step) {
        step(step, "applied");
    }

    @Override
    public void stepFailed(String application, StepResult step) {
        step(step, "FAILED");
    }

    @Override
    public void pruned(String application, StepResult step) {
        step(step, "pruned");
    }

    @Override
    public void healthPolled(String application, Map<ResourceKey, Health> health) {
        show(HealthProgress.line(health));
    }

    @Override
    public void finished(ReconcileResult result) {
        show(result.outcome() + " in " + result.duration().toMillis() + " ms");
        err.print('\n');
        err.flush();
    }

    private void step(StepResult step, String verb) {
        show("[" + done.incrementAndGet() + "/" + Math.max(total, done.get()) + "] " + verb + " " + step.key());
    }

    private void show(String text) {
        err.print("\r\u001b[K" + text);
        err.flush();
    }
}
