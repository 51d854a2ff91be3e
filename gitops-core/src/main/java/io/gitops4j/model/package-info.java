/**
 * The immutable values every other package speaks in: {@link io.gitops4j.model.ResourceKey} (identity),
 * {@link io.gitops4j.model.Resource} (a manifest with its provenance), {@link io.gitops4j.model.Revision}
 * (what a desired state is pinned to), {@link io.gitops4j.model.DesiredState} and
 * {@link io.gitops4j.model.LiveState}. All types here are immutable and thread-safe.
 */
package io.gitops4j.model;
