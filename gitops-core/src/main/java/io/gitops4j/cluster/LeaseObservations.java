package io.gitops4j.cluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Judges whether other replicas' leases expired the way Kubernetes leader election does: by this replica's own
 * clock, from when it first saw the lease at its current version, never from the times written in the lease (the
 * writer's clock may differ). A lease is expired when released, or when it has not changed for its duration.
 * Not thread-safe; the coordinator guards it.
 */
final class LeaseObservations {
    private final Map<String, Seen> seen = new HashMap<>();

    boolean expired(LeaseRecord lease, Instant now) {
        if (!lease.isHeld()) {
            return true;
        }
        Seen last = seen.get(lease.name());
        if (last == null || !last.version().equals(lease.version())) {
            seen.put(lease.name(), new Seen(lease.version(), now));
            return false;
        }
        return !now.isBefore(last.at().plus(lease.duration()));
    }

    void forgetAllBut(java.util.Set<String> names) {
        seen.keySet().retainAll(names);
    }

    private record Seen(String version, Instant at) {
    }
}
