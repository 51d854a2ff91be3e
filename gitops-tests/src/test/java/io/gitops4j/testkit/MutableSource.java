package io.gitops4j.testkit;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.source.SourceException;

/** A source whose state the test sets, and which can be made to fail. */
final class MutableSource implements DesiredStateSource {
    private volatile DesiredState state;
    private volatile boolean failing;

    MutableSource(DesiredState state) {
        this.state = state;
    }

    void set(DesiredState next) {
        this.state = next;
    }

    void fail() {
        this.failing = true;
    }

    @Override
    public DesiredState load() {
        if (failing) {
            throw new SourceException("injected load failure: the repository is unreachable");
        }
        return state;
    }

    @Override
    public DesiredState load(Revision revision) {
        return load();
    }
}
