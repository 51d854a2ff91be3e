package io.gitops4j.diff;

import io.gitops4j.model.KeyOrderCursor;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;

/**
 * Walks the per-resource diffs of the previous state diff in key order, alongside a new walk in key order, and
 * hands back a previous diff when its desired and live objects are the very ones of the new walk (immutable
 * objects, so the diff is still exact). Single-threaded; one walk.
 */
final class PreviousCursor {
    /** A cursor over nothing, for the first walk. */
    static final PreviousCursor NONE = new PreviousCursor(new ResourceDiff[0]);

    private final KeyOrderCursor<ResourceDiff> cursor;

    PreviousCursor(ResourceDiff[] previous) {
        this.cursor = new KeyOrderCursor<>(previous, ResourceDiff::key);
    }

    /**
     * Returns the next previous diff when it was computed from exactly this desired and live pair (so both are of
     * its key), without comparing keys; else {@code null} and the cursor stays.
     *
     * @param desired the desired resource
     * @param live the live object
     * @return the previous diff, or {@code null}
     */
    ResourceDiff same(Resource desired, LiveResource live) {
        ResourceDiff candidate = cursor.peek();
        if (candidate != null && candidate.desiredOrNull() == desired && candidate.liveOrNull() == live) {
            cursor.advance();
            return candidate;
        }
        return null;
    }

    /**
     * Returns the previous diff of a key when it was computed from exactly these objects. Keys must be asked in
     * increasing order.
     *
     * @param key the key
     * @param desired the desired resource, or {@code null}
     * @param live the live object, or {@code null}
     * @return the previous diff, or {@code null} when there is none for these objects
     */
    ResourceDiff find(ResourceKey key, Resource desired, LiveResource live) {
        ResourceDiff candidate = cursor.seek(key);
        return candidate != null && candidate.desiredOrNull() == desired && candidate.liveOrNull() == live
                ? candidate : null;
    }
}
