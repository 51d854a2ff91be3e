package io.gitops4j.plan;

import io.gitops4j.diff.ResourceDiff;

/**
 * Walks the steps of the previous plan in key order, alongside a new diff in key order, and hands back a previous
 * step when it was made from the very same per-resource diff object (immutable, so the step is still exact).
 * Single-threaded; one walk.
 */
final class OrderedCursor {
    /** A cursor over nothing, for the first plan. */
    static final OrderedCursor NONE = new OrderedCursor(new Ordered[0]);

    private final Ordered[] previous;
    private int index;

    OrderedCursor(Ordered[] previous) {
        this.previous = previous;
    }

    /**
     * Returns the previous step made from this very diff object, or {@code null}. Diffs must be asked in
     * increasing key order.
     *
     * @param diff the per-resource diff
     * @return the previous step, or {@code null}
     */
    Ordered find(ResourceDiff diff) {
        while (index < previous.length) {
            Ordered candidate = previous[index];
            if (candidate.step().diff() == diff) {
                index++;
                return candidate;
            }
            int order = candidate.step().key().compareTo(diff.key());
            if (order > 0) {
                return null;
            }
            index++;
            if (order == 0) {
                return null;
            }
        }
        return null;
    }
}
