package io.gitops4j.target;

/** What happens to an object's dependents when it is deleted (as Kubernetes' deletion propagation). */
public enum PropagationPolicy {
    /** Dependents are deleted first; the object goes when they are gone. */
    FOREGROUND,
    /** The object is deleted now; dependents are collected afterwards. */
    BACKGROUND,
    /** Dependents are left in place. */
    ORPHAN
}
