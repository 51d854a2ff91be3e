/**
 * Benchmarks of the rendering step: a commit that changes nothing an application renders (a render cache hit)
 * beside one that changes its base, and the native Kustomize renderer beside {@code kubectl kustomize}.
 */
package io.gitops4j.bench.render;
