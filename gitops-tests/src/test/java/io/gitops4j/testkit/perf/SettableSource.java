package io.gitops4j.testkit.perf;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;

/** A source whose desired state the test sets. */
final class SettableSource implements DesiredStateSource {
    private volatile DesiredState state;

    SettableSource(DesiredState state) {
        this.state = state;
    }

    void set(DesiredState next) {
        this.state = next;
    }

    @Override
    public DesiredState load() {
        return state;
    }

    @Override
    public DesiredState load(Revision revision) {
        return state;
    }
}
