package io.gitops4j.samples.cli;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;
import java.util.Optional;
import java.util.Set;

/**
 * A source that remembers which renderer produced the state it loaded last, so {@code plan} and {@code diff} can
 * say so; everything else is the wrapped source's. Thread-safe.
 */
final class RenderedSource implements DesiredStateSource, AutoCloseable {
    private final DesiredStateSource source;
    private volatile String renderedBy = "";

    RenderedSource(DesiredStateSource source) {
        this.source = source;
    }

    /** Returns the renderer of the last loaded state, {@code ""} for plain manifests or before a load. */
    String renderedBy() {
        return renderedBy;
    }

    @Override
    public DesiredState load() {
        return remember(source.load());
    }

    @Override
    public DesiredState load(Revision revision) {
        return remember(source.load(revision));
    }

    @Override
    public String latestRevisionId() {
        return source.latestRevisionId();
    }

    @Override
    public Optional<Set<String>> changedPaths(String fromRevisionId, String toRevisionId) {
        return source.changedPaths(fromRevisionId, toRevisionId);
    }

    @Override
    public String fetchKey() {
        return source.fetchKey();
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public void close() throws Exception {
        if (source instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private DesiredState remember(DesiredState state) {
        renderedBy = state.renderedBy();
        return state;
    }
}
