package io.gitops4j.loop;

import io.gitops4j.model.Revision;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Records controller events as text and drift reports as values. Thread-safe. */
final class RecordingListener implements ControllerListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<DriftReport> drift = new CopyOnWriteArrayList<>();
    volatile Consumer<String> onRunStarted = application -> { };

    /** One drift event. */
    record DriftReport(String application, Revision revision, List<Drift> drift, boolean corrected) {
    }

    @Override
    public void runStarted(String application, RunReason reason) {
        events.add("started " + application + " " + reason);
        onRunStarted.accept(application);
    }

    @Override
    public void runFinished(String application, HistoryEntry entry) {
        events.add("finished " + application + " " + entry.outcome());
    }

    @Override
    public void newRevision(String application, String previousRevisionId, String revisionId) {
        events.add("revision " + application + " " + previousRevisionId + "->" + revisionId);
    }

    @Override
    public void driftDetected(String application, Revision revision, List<Drift> drift, boolean corrected) {
        this.drift.add(new DriftReport(application, revision, drift, corrected));
    }

    @Override
    public void sourceFailed(String application, String error) {
        events.add("sourceFailed " + application + " " + error);
    }

    @Override
    public void runDeferred(String application, String dependency, String reason) {
        events.add("deferred " + application + " for " + dependency + ": " + reason);
    }

    @Override
    public void runBlocked(String application, String reason, java.time.Instant until) {
        events.add("blocked " + application + " until " + until);
    }

    long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }
}
