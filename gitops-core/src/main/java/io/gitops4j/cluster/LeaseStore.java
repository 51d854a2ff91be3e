package io.gitops4j.cluster;

import io.gitops4j.LeaseConflictException;
import io.gitops4j.TargetException;
import java.util.List;
import java.util.Optional;

/**
 * Where replicas keep their leases, with optimistic concurrency: every write names the version it read, and a write
 * over a version that moved fails. The Kubernetes implementation keeps {@code coordination.k8s.io/v1} Leases; the
 * testkit has one in memory. This is the only shared state the replicas need: no other consensus.
 *
 * <p>The contract (proved by the testkit's {@code LeaseStoreContract}): {@link #create} of an existing name and
 * {@link #update} of a record whose version is not the stored one throw {@link LeaseConflictException} and change
 * nothing; a successful write returns the record with its new version; {@link #list} returns the leases whose name
 * starts with a prefix, sorted by name. Implementations are thread-safe.
 */
public interface LeaseStore {

    /**
     * Reads one lease.
     *
     * @param name the lease's name
     * @return the lease, or empty when it does not exist
     * @throws TargetException when the store cannot be read
     */
    Optional<LeaseRecord> get(String name);

    /**
     * Creates a lease.
     *
     * @param lease the lease; its version is ignored
     * @return the stored lease, with its version
     * @throws LeaseConflictException when a lease of that name exists
     * @throws TargetException when the store cannot be written
     */
    LeaseRecord create(LeaseRecord lease);

    /**
     * Replaces a lease, if it is still at the version {@code lease} names.
     *
     * @param lease the new content, with the version it was read at
     * @return the stored lease, with its new version
     * @throws LeaseConflictException when the stored version differs, or the lease does not exist any more
     * @throws TargetException when the store cannot be written
     */
    LeaseRecord update(LeaseRecord lease);

    /**
     * Lists the leases whose name starts with {@code prefix}, sorted by name.
     *
     * @param prefix the name prefix
     * @return the leases
     * @throws TargetException when the store cannot be read
     */
    List<LeaseRecord> list(String prefix);

    /**
     * Describes the store for messages, e.g. {@code Leases in namespace gitops4j-system}.
     *
     * @return the description
     */
    String describe();
}
