package io.gitops4j.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * One lease as a {@link LeaseStore} holds it: the shape of a Kubernetes {@code coordination.k8s.io/v1} Lease.
 *
 * @param name the lease's name
 * @param holder who holds it; {@code ""} when released
 * @param duration how long the holder may go without renewing before others may take it
 * @param acquireTime when the current holder took it
 * @param renewTime when the holder last renewed it
 * @param transitions how many times it changed hands
 * @param version the store's version of this record (Kubernetes {@code resourceVersion}); {@code ""} for a record
 *     not stored yet
 */
public record LeaseRecord(String name, String holder, Duration duration, Instant acquireTime, Instant renewTime,
        int transitions, String version) {

    /**
     * Checks the fields.
     *
     * @param name the name
     * @param holder the holder
     * @param duration the duration
     * @param acquireTime the acquire time
     * @param renewTime the renew time
     * @param transitions the transitions
     * @param version the version
     */
    public LeaseRecord {
        requireNonNull(name, "name is null");
        requireNonNull(holder, "holder is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(acquireTime, "acquireTime is null");
        requireNonNull(renewTime, "renewTime is null");
        requireNonNull(version, "version is null");
    }

    /**
     * Returns a new, unstored lease held by {@code holder} from {@code now}.
     *
     * @param name the name
     * @param holder the holder
     * @param duration the duration
     * @param now the time
     * @return the record, with an empty version
     */
    public static LeaseRecord acquired(String name, String holder, Duration duration, Instant now) {
        return new LeaseRecord(name, holder, duration, now, now, 0, "");
    }

    /**
     * Tells whether someone holds the lease.
     *
     * @return {@code true} when the holder is not empty
     */
    public boolean isHeld() {
        return !holder.isEmpty();
    }

    /**
     * Returns this lease renewed at {@code now} by its holder.
     *
     * @param now the time
     * @return the changed record, same version (the store checks it)
     */
    public LeaseRecord renewed(Instant now) {
        return new LeaseRecord(name, holder, duration, acquireTime, now, transitions, version);
    }

    /**
     * Returns this lease taken by another holder at {@code now} (or released, with {@code ""}).
     *
     * @param newHolder the new holder, or {@code ""} to release
     * @param newDuration the duration the new holder asks
     * @param now the time
     * @return the changed record, same version (the store checks it)
     */
    public LeaseRecord heldBy(String newHolder, Duration newDuration, Instant now) {
        boolean changes = !newHolder.equals(holder);
        return new LeaseRecord(name, newHolder, newDuration, changes ? now : acquireTime, now,
                changes && !newHolder.isEmpty() ? transitions + 1 : transitions, version);
    }
}
