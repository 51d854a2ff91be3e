package io.gitops4j.loop;

import io.gitops4j.model.Revision;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a user's listener and logs and ignores whatever it throws, so a listener can never break the loop. */
final class GuardedControllerListener implements ControllerListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedControllerListener.class);

    private final ControllerListener delegate;

    GuardedControllerListener(ControllerListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void runStarted(String application, RunReason reason) {
        guard("runStarted", () -> delegate.runStarted(application, reason));
    }

    @Override
    public void runFinished(String application, HistoryEntry entry) {
        guard("runFinished", () -> delegate.runFinished(application, entry));
    }

    @Override
    public void newRevision(String application, String previousRevisionId, String revisionId) {
        guard("newRevision", () -> delegate.newRevision(application, previousRevisionId, revisionId));
    }

    @Override
    public void driftDetected(String application, Revision revision, List<Drift> drift, boolean corrected) {
        guard("driftDetected", () -> delegate.driftDetected(application, revision, drift, corrected));
    }

    @Override
    public void sourceFailed(String application, String error) {
        guard("sourceFailed", () -> delegate.sourceFailed(application, error));
    }

    @Override
    public void runDeferred(String application, String dependency, String reason) {
        guard("runDeferred", () -> delegate.runDeferred(application, dependency, reason));
    }

    @Override
    public void sourceFetched(String application, Duration duration, boolean succeeded) {
        guard("sourceFetched", () -> delegate.sourceFetched(application, duration, succeeded));
    }

    @Override
    public void statusUpdated(ApplicationStatus status) {
        guard("statusUpdated", () -> delegate.statusUpdated(status));
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("controller listener {} threw from '{}'; ignored (listeners must not throw)",
                    delegate.getClass().getName(), event, e);
        }
    }
}
