package io.gitops4j.reconcile;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.source.SourceException;
import java.util.ArrayList;
import java.util.List;

/** A source that returns a state set by the test, or fails. */
final class FakeSource implements DesiredStateSource {
    DesiredState state;
    boolean fail;
    /** Runs at the start of every load: advance a manual clock. */
    Runnable onLoad = () -> { };
    final List<Revision> requested = new ArrayList<>();

    FakeSource(DesiredState state) {
        this.state = state;
    }

    @Override
    public DesiredState load() {
        onLoad.run();
        if (fail) {
            throw new SourceException("repository unreachable: injected failure; check the URL and credentials");
        }
        return state;
    }

    @Override
    public DesiredState load(Revision revision) {
        requested.add(revision);
        return load();
    }
}
