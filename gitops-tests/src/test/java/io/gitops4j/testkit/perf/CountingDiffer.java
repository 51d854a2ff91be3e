package io.gitops4j.testkit.perf;

import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.concurrent.atomic.AtomicInteger;

/** A differ that counts the resources it was asked to diff, to tell cache hits from misses. */
final class CountingDiffer implements StateDiffer {
    final AtomicInteger resourceDiffs = new AtomicInteger();
    private final StateDiffer delegate;

    CountingDiffer(StateDiffer delegate) {
        this.delegate = delegate;
    }

    @Override
    public StateDiff diff(DesiredState desired, LiveState live) {
        return delegate.diff(desired, live);
    }

    @Override
    public ResourceDiff diff(ResourceKey key, Resource desired, LiveResource live) {
        resourceDiffs.incrementAndGet();
        return delegate.diff(key, desired, live);
    }
}
