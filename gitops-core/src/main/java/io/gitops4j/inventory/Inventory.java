package io.gitops4j.inventory;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The keys one application applied, and the revision it last applied them at.
 *
 * <p>The engine prunes only what an inventory holds: objects it never applied are never touched. Immutable and
 * thread-safe.
 */
public final class Inventory {
    private final String application;
    private final Revision revision;
    private final ImmutableSortedSet<ResourceKey> keys;

    private Inventory(String application, Revision revision, ImmutableSortedSet<ResourceKey> keys) {
        this.application = requireNonNull(application, "application is null");
        this.revision = revision;
        this.keys = keys;
    }

    /**
     * Returns the inventory of an application that has applied nothing yet.
     *
     * @param application the application name
     * @return an empty inventory without a revision
     */
    public static Inventory empty(String application) {
        return new Inventory(application, null, ImmutableSortedSet.of());
    }

    /**
     * Returns an inventory.
     *
     * @param application the application name
     * @param revision the revision the keys were applied at
     * @param keys the owned keys
     * @return the inventory
     */
    public static Inventory of(String application, Revision revision, Collection<ResourceKey> keys) {
        requireNonNull(revision, "revision is null");
        return new Inventory(application, revision, ImmutableSortedSet.copyOf(keys));
    }

    /**
     * Returns the application that owns these keys.
     *
     * @return the application name
     */
    public String application() {
        return application;
    }

    /**
     * Returns the revision last applied.
     *
     * @return the revision, or empty when nothing was applied yet
     */
    public Optional<Revision> revision() {
        return Optional.ofNullable(revision);
    }

    /**
     * Returns the owned keys, sorted.
     *
     * @return an unmodifiable sorted set
     */
    public SortedSet<ResourceKey> keys() {
        return keys;
    }

    /**
     * Tells whether the application owns a key.
     *
     * @param key the key
     * @return {@code true} when owned
     */
    public boolean contains(ResourceKey key) {
        return keys.contains(key);
    }

    /**
     * Returns the number of owned keys.
     *
     * @return the size
     */
    public int size() {
        return keys.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Inventory that && application.equals(that.application)
                && java.util.Objects.equals(revision, that.revision) && keys.equals(that.keys);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(application, revision, keys);
    }

    @Override
    public String toString() {
        return "Inventory{application=" + application + ", revision=" + revision + ", keys=" + keys.size() + "}";
    }
}
