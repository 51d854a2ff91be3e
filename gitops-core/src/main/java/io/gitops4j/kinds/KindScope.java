package io.gitops4j.kinds;

/** Where the objects of a kind live: in a namespace, or once per cluster. */
public enum KindScope {
    /** Objects live in a namespace ({@code metadata.namespace} is set, or defaulted by the target). */
    NAMESPACED,
    /** Objects belong to the whole cluster ({@code metadata.namespace} must be empty). */
    CLUSTER
}
