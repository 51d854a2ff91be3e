package io.gitops4j.loop;

import io.gitops4j.model.Revision;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Passes each event to several listeners in order, each guarded so one that throws cannot starve the others. */
final class CompositeControllerListener implements ControllerListener {
    private final List<ControllerListener> listeners;

    CompositeControllerListener(List<ControllerListener> listeners) {
        this.listeners = listeners.stream().<ControllerListener>map(GuardedControllerListener::new).toList();
    }

    @Override
    public void runStarted(String application, RunReason reason) {
        each(l -> l.runStarted(application, reason));
    }

    @Override
    public void runFinished(String application, HistoryEntry entry) {
        each(l -> l.runFinished(application, entry));
    }

    @Override
    public void newRevision(String application, String previousRevisionId, String revisionId) {
        each(l -> l.newRevision(application, previousRevisionId, revisionId));
    }

    @Override
    public void driftDetected(String application, Revision revision, List<Drift> drift, boolean corrected) {
        each(l -> l.driftDetected(application, revision, drift, corrected));
    }

    @Override
    public void sourceFailed(String application, String error) {
        each(l -> l.sourceFailed(application, error));
    }

    @Override
    public void runDeferred(String application, String dependency, String reason) {
        each(l -> l.runDeferred(application, dependency, reason));
    }

    @Override
    public void sourceFetched(String application, Duration duration, boolean succeeded) {
        each(l -> l.sourceFetched(application, duration, succeeded));
    }

    @Override
    public void statusUpdated(ApplicationStatus status) {
        each(l -> l.statusUpdated(status));
    }

    private void each(Consumer<ControllerListener> event) {
        listeners.forEach(event);
    }
}
