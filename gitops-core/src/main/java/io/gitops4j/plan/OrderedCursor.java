package io.gitops4j.plan;

import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.model.KeyOrderCursor;

/**
 * Walks the steps of the previous plan in key order, alongside a new diff in key order, and hands back a previous
 * step when it was made from the very same per-resource diff object (immutable, so the step is still exact).
 * Single-threaded; one walk.
 */
final class OrderedCursor {
    /** A cursor over nothing, for the first plan. */
    static final OrderedCursor NONE = new OrderedCursor(new Ordered[0]);

    private final KeyOrderCursor<Ordered> cursor;

    OrderedCursor(Ordered[] previous) {
        this.cursor = new KeyOrderCursor<>(previous, entry -> entry.step().key());
    }

    /**
     * Returns the previous step made from this very diff object, or {@code null}. Diffs must be asked in
     * increasing key order.
     *
     * @param diff the per-resource diff
     * @return the previous step, or {@code null}
     */
    Ordered find(ResourceDiff diff) {
        Ordered candidate = cursor.seek(diff.key());
        return candidate != null && candidate.step().diff() == diff ? candidate : null;
    }
}
