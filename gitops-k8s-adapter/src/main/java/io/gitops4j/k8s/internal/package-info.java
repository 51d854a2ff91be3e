/**
 * Implementation of the Kubernetes target, not a public API: discovery cache, key resolution, server-side apply,
 * live observation with last-applied reconstruction from {@code managedFields}, deletion, and translation of
 * fabric8 exceptions. May change in any release.
 */
package io.gitops4j.k8s.internal;
