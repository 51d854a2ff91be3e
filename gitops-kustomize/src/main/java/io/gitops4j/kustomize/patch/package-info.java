/**
 * Kustomize's patches: strategic merge patches, JSON 6902 patches and patch target selectors, as pure functions
 * over Jackson trees.
 */
package io.gitops4j.kustomize.patch;
