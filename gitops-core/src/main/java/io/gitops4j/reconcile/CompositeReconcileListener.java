package io.gitops4j.reconcile;

import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import java.util.List;
import java.util.function.Consumer;

/** Passes each event to several listeners in order, each guarded so one that throws cannot starve the others. */
final class CompositeReconcileListener implements ReconcileListener {
    private final List<ReconcileListener> listeners;

    CompositeReconcileListener(List<ReconcileListener> listeners) {
        this.listeners = listeners.stream().<ReconcileListener>map(GuardedListener::new).toList();
    }

    @Override
    public void started(String application, ReconcileOptions options) {
        each(l -> l.started(application, options));
    }

    @Override
    public void loaded(String application, Revision revision, int resources) {
        each(l -> l.loaded(application, revision, resources));
    }

    @Override
    public void planned(String application, Plan plan) {
        each(l -> l.planned(application, plan));
    }

    @Override
    public void stepApplied(String application, StepResult step) {
        each(l -> l.stepApplied(application, step));
    }

    @Override
    public void stepFailed(String application, StepResult step) {
        each(l -> l.stepFailed(application, step));
    }

    @Override
    public void pruned(String application, StepResult step) {
        each(l -> l.pruned(application, step));
    }

    @Override
    public void finished(ReconcileResult result) {
        each(l -> l.finished(result));
    }

    private void each(Consumer<ReconcileListener> event) {
        listeners.forEach(event);
    }
}
