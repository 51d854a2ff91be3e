package io.gitops4j.reconcile;

import io.gitops4j.diff.FieldChange;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A whole-object differ for engine unit tests: in sync when what was last applied (or, for an object never applied,
 * the live object) equals desired exactly.
 */
final class EqualityDiffer implements StateDiffer {

    @Override
    public StateDiff diff(DesiredState desired, LiveState live) {
        TreeSet<ResourceKey> keys = new TreeSet<>(desired.keys());
        keys.addAll(live.resources().keySet());
        List<ResourceDiff> diffs = new ArrayList<>();
        for (ResourceKey key : keys) {
            diffs.add(diff(key, desired.get(key).orElse(null), live.get(key).orElse(null)));
        }
        return StateDiff.of(diffs);
    }

    @Override
    public ResourceDiff diff(ResourceKey key, Resource desired, LiveResource live) {
        if (desired == null) {
            return ResourceDiff.delete(live);
        }
        if (live == null) {
            return ResourceDiff.create(desired, List.of());
        }
        if (live.lastApplied().orElse(live.object()).equals(desired)) {
            return ResourceDiff.none(desired, live);
        }
        return ResourceDiff.update(desired, live,
                List.of(FieldChange.replace("", live.object().tree(), desired.tree())));
    }
}
