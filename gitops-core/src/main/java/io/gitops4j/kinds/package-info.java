/**
 * What gitops4j knows about Kubernetes, in one place: {@link io.gitops4j.kinds.BuiltinKinds} (the built-in kinds
 * of Kubernetes 1.32 with their scope, REST names and apply order, as {@link io.gitops4j.kinds.KindInfo}s),
 * {@link io.gitops4j.kinds.BuiltinFields} (server-populated fields, list item keys and quantity fields),
 * {@link io.gitops4j.kinds.WellKnownMetadata} (the annotation and label keys gitops4j reads and writes, with the
 * Flux and Argo CD equivalents it honours), and {@link io.gitops4j.kinds.LabelSelector} (Kubernetes' label selector
 * syntax, parsed and matched as Kubernetes does). The manifest loader, the planner, the differ, the engine, the
 * Kubernetes adapter and the testkit all read these tables; none keeps its own list. Everything here is
 * immutable and thread-safe.
 */
package io.gitops4j.kinds;
