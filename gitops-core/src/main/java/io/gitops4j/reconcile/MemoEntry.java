package io.gitops4j.reconcile;

import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.PlanStep;

/**
 * What the last run made of one key: the desired and live objects it compared (either may be {@code null}), the
 * differ's diff of them, the diff that was planned after ownership and policies ({@code null} when dropped) and its
 * step ({@code null} when dropped).
 *
 * @param desired the desired object, or {@code null}
 * @param live the live object, or {@code null}
 * @param diff what the differ said of the pair
 * @param planned the diff that was planned, or {@code null}
 * @param step the step of {@code planned}, or {@code null}
 */
record MemoEntry(Resource desired, LiveResource live, ResourceDiff diff, ResourceDiff planned, PlanStep step) {

    /** Returns the key of the entry. */
    ResourceKey key() {
        return diff.key();
    }

    /** Tells whether this entry was made from exactly these (immutable) objects. */
    boolean madeOf(Resource otherDesired, LiveResource otherLive) {
        return desired == otherDesired && live == otherLive;
    }
}
