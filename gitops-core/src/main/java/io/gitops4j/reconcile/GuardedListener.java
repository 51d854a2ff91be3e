package io.gitops4j.reconcile;

import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls users' listeners in order and logs and ignores whatever one throws, so a listener can never break a run nor
 * keep the others from an event.
 */
final class GuardedListener implements ReconcileListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

    private final List<ReconcileListener> delegates;

    GuardedListener(ReconcileListener delegate) {
        this(List.of(delegate));
    }

    GuardedListener(List<ReconcileListener> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    @Override
    public void started(String application, ReconcileOptions options) {
        guard("started", delegate -> delegate.started(application, options));
    }

    @Override
    public void loaded(String application, Revision revision, int resources) {
        guard("loaded", delegate -> delegate.loaded(application, revision, resources));
    }

    @Override
    public void planned(String application, Plan plan) {
        guard("planned", delegate -> delegate.planned(application, plan));
    }

    @Override
    public void stepApplied(String application, StepResult step) {
        guard("stepApplied", delegate -> delegate.stepApplied(application, step));
    }

    @Override
    public void stepFailed(String application, StepResult step) {
        guard("stepFailed", delegate -> delegate.stepFailed(application, step));
    }

    @Override
    public void healthPolled(String application, Map<ResourceKey, Health> health) {
        guard("healthPolled", delegate -> delegate.healthPolled(application, health));
    }

    @Override
    public void pruned(String application, StepResult step) {
        guard("pruned", delegate -> delegate.pruned(application, step));
    }

    @Override
    public void finished(ReconcileResult result) {
        guard("finished", delegate -> delegate.finished(result));
    }

    private void guard(String event, Consumer<ReconcileListener> call) {
        for (ReconcileListener delegate : delegates) {
            try {
                call.accept(delegate);
            } catch (RuntimeException e) {
                LOG.warn("reconcile listener {} threw from '{}'; ignored (listeners must not throw)",
                        delegate.getClass().getName(), event, e);
            }
        }
    }
}
