package io.gitops4j.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A live object as a target reports it, with what this engine applied to it last when the target can tell.
 *
 * <p>{@code lastApplied} drives the three-way diff: a field declared there but no longer in desired is a
 * removal; a field set only by the server or by others is not drift. A Kubernetes target derives it from its
 * field manager's {@code managedFields}; the in-memory target records it. Immutable and thread-safe.
 */
public final class LiveResource {
    private final Resource object;
    private final Resource lastApplied;

    private LiveResource(Resource object, Resource lastApplied) {
        this.object = requireNonNull(object, "object is null");
        this.lastApplied = lastApplied;
    }

    /**
     * Returns a live object without last-applied information.
     *
     * @param object the live object
     * @return the live resource
     */
    public static LiveResource of(Resource object) {
        return new LiveResource(object, null);
    }

    /**
     * Returns a live object with what was last applied to it.
     *
     * @param object the live object
     * @param lastApplied the fields this engine last applied (values as applied), or {@code null} when unknown
     * @return the live resource
     */
    public static LiveResource of(Resource object, Resource lastApplied) {
        return new LiveResource(object, lastApplied);
    }

    /**
     * Returns the key of the live object.
     *
     * @return the key
     */
    public ResourceKey key() {
        return object.key();
    }

    /**
     * Returns the live object as the target reports it, server fields included.
     *
     * @return the live object
     */
    public Resource object() {
        return object;
    }

    /**
     * Returns what this engine last applied to the object, when the target knows it.
     *
     * @return the last applied fields, or empty when unknown
     */
    public Optional<Resource> lastApplied() {
        return Optional.ofNullable(lastApplied);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LiveResource that && object.equals(that.object)
                && java.util.Objects.equals(lastApplied, that.lastApplied);
    }

    @Override
    public int hashCode() {
        return object.hashCode() * 31 + (lastApplied == null ? 0 : lastApplied.hashCode());
    }

    @Override
    public String toString() {
        return "LiveResource{" + object.key() + "}";
    }
}
