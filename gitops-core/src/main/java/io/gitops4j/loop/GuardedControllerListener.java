package io.gitops4j.loop;

import io.gitops4j.model.Revision;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls users' listeners in order and logs and ignores whatever one throws, so a listener can never break the loop
 * nor keep the others from an event.
 */
final class GuardedControllerListener implements ControllerListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedControllerListener.class);

    private final List<ControllerListener> delegates;

    GuardedControllerListener(ControllerListener delegate) {
        this(List.of(delegate));
    }

    GuardedControllerListener(List<ControllerListener> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    @Override
    public void runStarted(String application, RunReason reason) {
        guard("runStarted", delegate -> delegate.runStarted(application, reason));
    }

    @Override
    public void runFinished(String application, HistoryEntry entry) {
        guard("runFinished", delegate -> delegate.runFinished(application, entry));
    }

    @Override
    public void newRevision(String application, String previousRevisionId, String revisionId) {
        guard("newRevision", delegate -> delegate.newRevision(application, previousRevisionId, revisionId));
    }

    @Override
    public void driftDetected(String application, Revision revision, List<Drift> drift, boolean corrected) {
        guard("driftDetected", delegate -> delegate.driftDetected(application, revision, drift, corrected));
    }

    @Override
    public void sourceFailed(String application, String error) {
        guard("sourceFailed", delegate -> delegate.sourceFailed(application, error));
    }

    @Override
    public void runDeferred(String application, String dependency, String reason) {
        guard("runDeferred", delegate -> delegate.runDeferred(application, dependency, reason));
    }

    @Override
    public void runBlocked(String application, String reason, java.time.Instant until) {
        guard("runBlocked", delegate -> delegate.runBlocked(application, reason, until));
    }

    @Override
    public void sourceFetched(String application, Duration duration, boolean succeeded) {
        guard("sourceFetched", delegate -> delegate.sourceFetched(application, duration, succeeded));
    }

    @Override
    public void statusUpdated(ApplicationStatus status) {
        guard("statusUpdated", delegate -> delegate.statusUpdated(status));
    }

    private void guard(String event, Consumer<ControllerListener> call) {
        for (ControllerListener delegate : delegates) {
            try {
                call.accept(delegate);
            } catch (RuntimeException e) {
                LOG.warn("controller listener {} threw from '{}'; ignored (listeners must not throw)",
                        delegate.getClass().getName(), event, e);
            }
        }
    }
}
