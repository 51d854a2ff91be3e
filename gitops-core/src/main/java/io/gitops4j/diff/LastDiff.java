package io.gitops4j.diff;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import java.util.Collection;
import java.util.Iterator;

/**
 * The last state diff a {@link CachingStateDiffer} returned, with the inputs it was computed from: the desired
 * state object and the live state object. Recognises the same inputs by identity only (the objects are
 * immutable), so the check reads no tree.
 */
final class LastDiff {
    private final DesiredState desired;
    private final LiveState liveState;
    private final StateDiff diff;

    private LastDiff(DesiredState desired, LiveState liveState, StateDiff diff) {
        this.desired = desired;
        this.liveState = liveState;
        this.diff = diff;
    }

    /**
     * Remembers a state diff and its inputs.
     *
     * @param desired the desired state it was computed from
     * @param live the live state it was computed from
     * @param diff the result
     * @return the memo
     */
    static LastDiff of(DesiredState desired, LiveState live, StateDiff diff) {
        return new LastDiff(desired, live, diff);
    }

    /**
     * Tells whether these are the very inputs of the remembered diff: the same desired state object, and a live
     * state holding the same live objects under the same keys.
     *
     * @param otherDesired the desired state
     * @param otherLive the live state
     * @return {@code true} when the remembered diff answers for them
     */
    boolean sameInputs(DesiredState otherDesired, LiveState otherLive) {
        if (otherDesired != desired) {
            return false;
        }
        if (otherLive == liveState) {
            return true;
        }
        Collection<LiveResource> objects = otherLive.resources().values();
        if (objects.size() != liveState.size()) {
            return false;
        }
        Iterator<LiveResource> before = liveState.resources().values().iterator();
        for (LiveResource object : objects) {
            if (object != before.next()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the remembered state diff.
     *
     * @return the diff
     */
    StateDiff diff() {
        return diff;
    }

    /**
     * Returns a cursor over the remembered per-resource diffs, for a walk in key order.
     *
     * @return a new cursor
     */
    PreviousCursor cursor() {
        return new PreviousCursor(diff.inKeyOrder().toArray(new ResourceDiff[0]));
    }
}
