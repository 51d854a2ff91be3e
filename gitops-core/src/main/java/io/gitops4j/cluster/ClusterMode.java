package io.gitops4j.cluster;

/** How replicas of a controller share the applications. */
public enum ClusterMode {
    /**
     * Every live replica owns a share of the applications, spread by consistent hashing with bounded loads and
     * handed over when replicas join or leave.
     */
    SHARDED,
    /** One replica, the holder of the leader lease, owns every application; the others stand by (like Flux). */
    LEADER
}
