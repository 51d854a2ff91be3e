package io.gitops4j.reconcile;

import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.concurrent.atomic.AtomicInteger;

/** The default differ, counting the resources it is asked to diff. */
final class CountingDiffer implements StateDiffer {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public StateDiff diff(DesiredState desired, LiveState live) {
        return DefaultStateDiffer.defaults().diff(desired, live);
    }

    @Override
    public ResourceDiff diff(ResourceKey key, Resource desired, LiveResource live) {
        calls.incrementAndGet();
        return DefaultStateDiffer.defaults().diff(key, desired, live);
    }
}
