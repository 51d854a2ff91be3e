package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.List;
import java.util.Optional;

/**
 * How one resource differs between desired and live: the {@link ChangeType} and, for updates, the fields.
 *
 * <p>Immutable and thread-safe. Field changes of sensitive resources (e.g. {@code Secret} data) are already
 * redacted; {@link #desired()} and {@link #live()} still hold the real objects for the engine to apply, so never
 * render those.
 */
public final class ResourceDiff {
    private final ResourceKey key;
    private final ChangeType type;
    private final List<FieldChange> changes;
    private final Resource desired;
    private final LiveResource live;

    private ResourceDiff(ResourceKey key, ChangeType type, List<FieldChange> changes, Resource desired,
            LiveResource live) {
        this.key = requireNonNull(key, "key is null");
        this.type = requireNonNull(type, "type is null");
        this.changes = List.copyOf(changes);
        this.desired = desired;
        this.live = live;
    }

    /**
     * Returns the diff of a declared resource that does not exist live.
     *
     * @param desired the desired resource
     * @param changes the fields it adds (may be empty)
     * @return a {@link ChangeType#CREATE} diff
     */
    public static ResourceDiff create(Resource desired, List<FieldChange> changes) {
        return new ResourceDiff(desired.key(), ChangeType.CREATE, changes, desired, null);
    }

    /**
     * Returns the diff of a declared, live resource whose declared fields differ.
     *
     * @param desired the desired resource
     * @param live the live object
     * @param changes the differing fields; not empty
     * @return an {@link ChangeType#UPDATE} diff
     */
    public static ResourceDiff update(Resource desired, LiveResource live, List<FieldChange> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one field change: " + desired.key());
        }
        return new ResourceDiff(desired.key(), ChangeType.UPDATE, changes, desired, requireNonNull(live, "live"));
    }

    /**
     * Returns the diff of a live resource that is no longer declared.
     *
     * @param live the live object
     * @return a {@link ChangeType#DELETE} diff
     */
    public static ResourceDiff delete(LiveResource live) {
        return new ResourceDiff(live.key(), ChangeType.DELETE, List.of(), null, live);
    }

    /**
     * Returns the diff of a declared resource that is in sync.
     *
     * @param desired the desired resource
     * @param live the live object
     * @return a {@link ChangeType#NONE} diff
     */
    public static ResourceDiff none(Resource desired, LiveResource live) {
        return new ResourceDiff(desired.key(), ChangeType.NONE, List.of(), desired, requireNonNull(live, "live"));
    }

    /**
     * Returns the resource this diff is about.
     *
     * @return the key
     */
    public ResourceKey key() {
        return key;
    }

    /**
     * Returns what must happen.
     *
     * @return the change type
     */
    public ChangeType type() {
        return type;
    }

    /**
     * Returns the differing fields, sorted by path; redacted for sensitive resources.
     *
     * @return an unmodifiable list; empty for {@link ChangeType#NONE} and {@link ChangeType#DELETE}
     */
    public List<FieldChange> changes() {
        return changes;
    }

    /**
     * Returns the desired resource.
     *
     * @return the desired resource, empty for {@link ChangeType#DELETE}
     */
    public Optional<Resource> desired() {
        return Optional.ofNullable(desired);
    }

    /**
     * Returns the live object.
     *
     * @return the live object, empty for {@link ChangeType#CREATE}
     */
    public Optional<LiveResource> live() {
        return Optional.ofNullable(live);
    }

    /** Returns the desired resource or {@code null}, without an {@code Optional}, for hot paths. */
    Resource desiredOrNull() {
        return desired;
    }

    /** Returns the live object or {@code null}, without an {@code Optional}, for hot paths. */
    LiveResource liveOrNull() {
        return live;
    }

    /**
     * Tells whether anything must change.
     *
     * @return {@code true} unless the type is {@link ChangeType#NONE}
     */
    public boolean hasChanges() {
        return type != ChangeType.NONE;
    }

    @Override
    public String toString() {
        return type + " " + key + (changes.isEmpty() ? "" : " (" + changes.size() + " fields)");
    }
}
