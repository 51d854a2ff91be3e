package io.gitops4j.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What one replica knows of its fleet after its last look at the leases.
 *
 * @param identity this replica
 * @param mode how the fleet shares applications
 * @param members the live replicas, sorted (this one included while it holds its membership)
 * @param leader the leader in {@link ClusterMode#LEADER} mode, when one is known
 * @param owners application → replica holding its claim, for the applications of this controller
 * @param owned the applications this replica may start runs of now, sorted
 * @param lastRenewed when this replica last renewed its membership, if ever
 * @param steppedDown whether it stopped acting because it could not renew within the renew deadline
 */
public record FleetStatus(String identity, ClusterMode mode, List<String> members, Optional<String> leader,
        SortedMap<String, String> owners, List<String> owned, Optional<Instant> lastRenewed, boolean steppedDown) {

    /**
     * Copies the collections.
     *
     * @param identity this replica
     * @param mode the mode
     * @param members the live replicas
     * @param leader the leader
     * @param owners the claims
     * @param owned what this replica owns
     * @param lastRenewed the last renewal
     * @param steppedDown whether it stepped down
     */
    public FleetStatus {
        members = List.copyOf(members);
        owners = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(owners));
        owned = List.copyOf(owned);
    }
}
