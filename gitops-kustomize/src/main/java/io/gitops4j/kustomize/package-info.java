/**
 * Native Kustomize: renders a kustomization from a {@link io.gitops4j.render.SourceTree} (the repository at the
 * pinned commit), restricted to the repository root, without a checkout or a {@code kustomize} binary.
 */
package io.gitops4j.kustomize;
