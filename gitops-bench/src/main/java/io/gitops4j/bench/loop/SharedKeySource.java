package io.gitops4j.bench.loop;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;

/**
 * A source that delegates loads and fetches and names a fetch key, so that applications on one repository share
 * one fetch (until {@code GitSource} reports its own key).
 */
final class SharedKeySource implements DesiredStateSource {
    private final DesiredStateSource delegate;
    private final String fetchKey;

    SharedKeySource(DesiredStateSource delegate, String fetchKey) {
        this.delegate = delegate;
        this.fetchKey = fetchKey;
    }

    @Override
    public DesiredState load() {
        return delegate.load();
    }

    @Override
    public DesiredState load(Revision revision) {
        return delegate.load(revision);
    }

    @Override
    public String latestRevisionId() {
        return delegate.latestRevisionId();
    }

    @Override
    public String fetchKey() {
        return fetchKey;
    }
}
