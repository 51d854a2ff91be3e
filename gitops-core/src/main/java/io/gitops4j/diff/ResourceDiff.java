package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.List;

/**
 * How one resource differs between desired and live: one of {@link Create}, {@link Update}, {@link Delete} or
 * {@link InSync}, each holding exactly the sides it has. {@link Declared} is every case with a desired object,
 * {@link Existing} every case with a live object.
 *
 * <p>Immutable and thread-safe. Field changes of sensitive resources (e.g. {@code Secret} data) are already
 * redacted; the desired and live objects are the real ones for the engine to apply, so never render those.
 */
public sealed interface ResourceDiff permits ResourceDiff.Declared, ResourceDiff.Existing {

    /**
     * Returns the resource this diff is about.
     *
     * @return the key
     */
    ResourceKey key();

    /**
     * Returns the differing fields, sorted by path; redacted for sensitive resources.
     *
     * @return an unmodifiable list; empty for {@link InSync} and {@link Delete}, possibly empty for {@link Create}
     */
    List<FieldChange> changes();

    /**
     * Returns what must happen, for rendering and counting.
     *
     * @return the change type of this case
     */
    ChangeType type();

    /**
     * Tells whether anything must change.
     *
     * @return {@code true} unless this is {@link InSync}
     */
    default boolean hasChanges() {
        return true;
    }

    /** A diff of a declared resource: {@link Create}, {@link Update} or {@link InSync}. */
    sealed interface Declared extends ResourceDiff permits Create, Update, InSync {
        /**
         * Returns the desired resource.
         *
         * @return the desired resource, to apply
         */
        Resource desired();
    }

    /** A diff of a live object: {@link Update}, {@link Delete} or {@link InSync}. */
    sealed interface Existing extends ResourceDiff permits Update, Delete, InSync {
        /**
         * Returns the live object.
         *
         * @return the live object as observed
         */
        LiveResource live();
    }

    /**
     * Declared but not live: create it.
     *
     * @param desired the desired resource
     * @param changes the fields it adds (may be empty)
     */
    record Create(Resource desired, List<FieldChange> changes) implements Declared {
        /** Validates and copies the components. */
        public Create {
            requireNonNull(desired, "desired is null");
            changes = List.copyOf(changes);
        }

        @Override
        public ResourceKey key() {
            return desired.key();
        }

        @Override
        public ChangeType type() {
            return ChangeType.CREATE;
        }

        @Override
        public String toString() {
            return DiffLabel.of(this);
        }
    }

    /**
     * Declared and live, with declared fields that differ: update it.
     *
     * @param desired the desired resource
     * @param live the live object, of the same key
     * @param changes the differing fields; not empty
     */
    record Update(Resource desired, LiveResource live, List<FieldChange> changes) implements Declared, Existing {
        /** Validates and copies the components. */
        public Update {
            requireNonNull(desired, "desired is null");
            requireNonNull(live, "live is null");
            changes = List.copyOf(changes);
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("an update needs at least one field change: " + desired.key());
            }
        }

        @Override
        public ResourceKey key() {
            return desired.key();
        }

        @Override
        public ChangeType type() {
            return ChangeType.UPDATE;
        }

        @Override
        public String toString() {
            return DiffLabel.of(this);
        }
    }

    /**
     * Live and owned, but no longer declared: delete it (prune).
     *
     * @param live the live object
     */
    record Delete(LiveResource live) implements Existing {
        /** Validates the component. */
        public Delete {
            requireNonNull(live, "live is null");
        }

        @Override
        public ResourceKey key() {
            return live.key();
        }

        @Override
        public List<FieldChange> changes() {
            return List.of();
        }

        @Override
        public ChangeType type() {
            return ChangeType.DELETE;
        }

        @Override
        public String toString() {
            return DiffLabel.of(this);
        }
    }

    /**
     * Declared and live, in sync: nothing to do.
     *
     * @param desired the desired resource
     * @param live the live object, of the same key
     */
    record InSync(Resource desired, LiveResource live) implements Declared, Existing {
        /** Validates the components. */
        public InSync {
            requireNonNull(desired, "desired is null");
            requireNonNull(live, "live is null");
        }

        @Override
        public ResourceKey key() {
            return desired.key();
        }

        @Override
        public List<FieldChange> changes() {
            return List.of();
        }

        @Override
        public ChangeType type() {
            return ChangeType.NONE;
        }

        @Override
        public boolean hasChanges() {
            return false;
        }

        @Override
        public String toString() {
            return DiffLabel.of(this);
        }
    }
}
