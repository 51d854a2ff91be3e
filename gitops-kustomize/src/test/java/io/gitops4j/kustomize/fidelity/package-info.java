/**
 * Test support: runs the real {@code kubectl kustomize} as the oracle the native Kustomize is compared with.
 */
package io.gitops4j.kustomize.fidelity;
