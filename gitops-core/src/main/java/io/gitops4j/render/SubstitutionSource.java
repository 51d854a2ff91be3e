package io.gitops4j.render;

import java.util.Map;

/**
 * Where post-build substitution variables come from besides an inline map, like Flux's {@code substituteFrom}: a
 * ConfigMap or a Secret in the cluster (see {@code io.gitops4j.k8s.ClusterVariables}), a file, a vault. Read at
 * every render, so a changed value reaches the next reconcile. Implementations must be thread-safe and must never
 * put a value in a log line or an exception message: Secret values are secrets.
 */
public interface SubstitutionSource {

    /**
     * Describes the source for messages, e.g. {@code Secret shop/cluster-vars}; never a value.
     *
     * @return the description
     */
    String describe();

    /**
     * Returns the variables, name to value.
     *
     * @return the variables; empty when an optional source is missing
     * @throws io.gitops4j.SourceException when a required source is missing or cannot be read
     */
    Map<String, String> variables();
}
