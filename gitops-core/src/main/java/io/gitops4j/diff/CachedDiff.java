package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import java.lang.ref.WeakReference;
import java.util.List;

/**
 * One cached per-resource result with the fingerprint of the inputs it was computed from: the desired digest, the
 * live identity and the last-applied digest; plus weak references to the last desired and live objects it answered
 * for, so the same (immutable) objects are recognised without reading them. Holds digests, identities and weak
 * references only, never trees, so an entry costs a few hundred bytes whatever the size of the resource.
 */
record CachedDiff(String desiredDigest, LiveIdentity live, String lastAppliedDigest, boolean versioned,
        ChangeType type, List<FieldChange> changes, WeakReference<Resource> desiredObject,
        WeakReference<LiveResource> liveObject) {

    CachedDiff {
        requireNonNull(desiredDigest, "desiredDigest is null");
        requireNonNull(live, "live is null");
        requireNonNull(lastAppliedDigest, "lastAppliedDigest is null");
        requireNonNull(type, "type is null");
        requireNonNull(desiredObject, "desiredObject is null");
        requireNonNull(liveObject, "liveObject is null");
        changes = List.copyOf(changes);
        if (type != ChangeType.NONE && type != ChangeType.UPDATE) {
            throw new IllegalArgumentException("only NONE and UPDATE diffs are cached, not " + type);
        }
    }

    /**
     * Remembers a diff of a desired resource against a live object.
     *
     * @param diff the diff the wrapped differ returned; {@link ChangeType#NONE} or {@link ChangeType#UPDATE}
     * @param desired the desired resource it was computed from
     * @param identity the live object's identity
     * @param live the live object it was computed from
     * @return the entry
     */
    static CachedDiff of(ResourceDiff diff, Resource desired, LiveIdentity identity, LiveResource live) {
        return new CachedDiff(desired.digest(), identity, lastAppliedDigest(live), live.lastAppliedFollowsVersion(),
                diff.type(), diff.changes(), new WeakReference<>(desired), new WeakReference<>(live));
    }

    /**
     * Tells whether these are the very objects this entry last answered for; immutable, so nothing else to check.
     *
     * @param desired the desired resource
     * @param live the live object
     * @return {@code true} when both are the same objects as last time
     */
    boolean sameObjects(Resource desired, LiveResource live) {
        return desiredObject.get() == desired && liveObject.get() == live;
    }

    /**
     * Returns this entry pointing at other objects with the same fingerprint (after {@link #matches} accepted them),
     * versioned as the new live object is.
     *
     * @param desired the desired resource
     * @param live the live object
     * @return the entry for the new objects
     */
    CachedDiff withObjects(Resource desired, LiveResource live) {
        return new CachedDiff(desiredDigest, this.live, lastAppliedDigest, live.lastAppliedFollowsVersion(), type,
                changes, new WeakReference<>(desired), new WeakReference<>(live));
    }

    /**
     * Tells whether this entry was computed from exactly these inputs.
     *
     * @param desired the desired resource
     * @param identity the live object's identity
     * @param live the live object
     * @return {@code true} when desired content, live identity and last-applied content all match; when both this
     *     entry's object and the new one come from a target that promised their last-applied state follows the
     *     identity ({@link LiveResource#lastAppliedFollowsVersion()}), the identity stands for it
     */
    boolean matches(Resource desired, LiveIdentity identity, LiveResource live) {
        return this.live.equals(identity) && desiredDigest.equals(desired.digest())
                && (versioned && live.lastAppliedFollowsVersion()
                        || lastAppliedDigest.equals(lastAppliedDigest(live)));
    }

    /**
     * Rebuilds the cached result around the current objects, so the engine applies and reports those.
     *
     * @param desired the current desired resource
     * @param live the current live object
     * @return an equal diff holding the current objects
     */
    ResourceDiff rebuild(Resource desired, LiveResource live) {
        return type == ChangeType.NONE ? ResourceDiff.none(desired, live) : ResourceDiff.update(desired, live, changes);
    }

    private static String lastAppliedDigest(LiveResource live) {
        return live.lastApplied().map(Resource::digest).orElse("");
    }
}
