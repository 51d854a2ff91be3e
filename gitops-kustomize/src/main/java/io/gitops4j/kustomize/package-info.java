/**
 * Native Kustomize: renders a kustomization from a {@link io.gitops4j.render.SourceTree} (the repository at the
 * pinned commit), restricted to the repository root, without a checkout or a {@code kustomize} binary. The public
 * entry point is {@link io.gitops4j.kustomize.KustomizeRenderer}; the build itself (accumulation of resources,
 * generators and components, the transformers in Kustomize's order, hash suffixes, name references and the output
 * order of Kustomize v5.5) lives in package-private classes, with the patches in
 * {@link io.gitops4j.kustomize.patch} and the generators in {@link io.gitops4j.kustomize.generate}.
 */
package io.gitops4j.kustomize;
