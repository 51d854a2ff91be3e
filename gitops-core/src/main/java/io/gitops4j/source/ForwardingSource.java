package io.gitops4j.source;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link DesiredStateSource} that passes every call to another source, for wrappers that change one kind of call
 * (remember a load, start one early, count fetches) and leave the rest as they are: override only those methods.
 * Every method of {@code DesiredStateSource}, the default ones included, is forwarded, so a wrapper never silently
 * replaces what the wrapped source does (its revision ids, changed paths, fetch key or description) with the
 * interface's defaults. Thread-safe when the wrapped source is and the overrides are.
 */
public abstract class ForwardingSource implements DesiredStateSource {
    private final DesiredStateSource delegate;

    /**
     * Wraps a source.
     *
     * @param delegate the source every call goes to
     */
    protected ForwardingSource(DesiredStateSource delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /**
     * Returns the wrapped source.
     *
     * @return the source every call goes to
     */
    protected final DesiredStateSource delegate() {
        return delegate;
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
    public Optional<Set<String>> changedPaths(String fromRevisionId, String toRevisionId) {
        return delegate.changedPaths(fromRevisionId, toRevisionId);
    }

    @Override
    public String fetchKey() {
        return delegate.fetchKey();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
