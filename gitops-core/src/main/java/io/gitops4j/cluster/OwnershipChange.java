package io.gitops4j.cluster;

import java.util.List;

/**
 * What one look at the leases changed for this replica.
 *
 * @param gained applications this replica now owns and should run soon, sorted
 * @param lost applications it no longer owns (released, taken over, or it stepped down), sorted
 */
public record OwnershipChange(List<String> gained, List<String> lost) {

    /** Nothing changed. */
    public static final OwnershipChange NONE = new OwnershipChange(List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @param gained the gained applications
     * @param lost the lost applications
     */
    public OwnershipChange {
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
    }
}
