package io.gitops4j.reconcile;

import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a user's listener and logs and ignores whatever it throws, so a listener can never break a run. */
final class GuardedListener implements ReconcileListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

    private final ReconcileListener delegate;

    GuardedListener(ReconcileListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void started(String application, ReconcileOptions options) {
        guard("started", () -> delegate.started(application, options));
    }

    @Override
    public void loaded(String application, Revision revision, int resources) {
        guard("loaded", () -> delegate.loaded(application, revision, resources));
    }

    @Override
    public void planned(String application, Plan plan) {
        guard("planned", () -> delegate.planned(application, plan));
    }

    @Override
    public void stepApplied(String application, StepResult step) {
        guard("stepApplied", () -> delegate.stepApplied(application, step));
    }

    @Override
    public void stepFailed(String application, StepResult step) {
        guard("stepFailed", () -> delegate.stepFailed(application, step));
    }

    @Override
    public void healthPolled(String application, Map<ResourceKey, Health> health) {
        guard("healthPolled", () -> delegate.healthPolled(application, health));
    }

    @Override
    public void pruned(String application, StepResult step) {
        guard("pruned", () -> delegate.pruned(application, step));
    }

    @Override
    public void finished(ReconcileResult result) {
        guard("finished", () -> delegate.finished(result));
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("reconcile listener {} threw from '{}'; ignored (listeners must not throw)",
                    delegate.getClass().getName(), event, e);
        }
    }
}
