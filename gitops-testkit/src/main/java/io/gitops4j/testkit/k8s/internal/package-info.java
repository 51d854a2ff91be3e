/**
 * Implementation of {@link io.gitops4j.testkit.k8s.EmbeddedKubernetesApi}: routing, discovery and OpenAPI
 * documents, the object store with resourceVersions and watch fan-out, patch strategies, server-side apply
 * field ownership, deletion with finalizers and garbage collection. Not a supported API: types here may change
 * in any release.
 */
package io.gitops4j.testkit.k8s.internal;
