/**
 * gitops4j: an embeddable GitOps SDK. The root package holds only the exception hierarchy's root,
 * {@link io.gitops4j.GitOpsException}; the model, sources, differ, planner, engine and SPIs live in
 * feature packages beneath it.
 */
package io.gitops4j;
