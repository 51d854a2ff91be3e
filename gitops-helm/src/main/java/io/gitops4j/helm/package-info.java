/**
 * Helm rendering ({@code helm template} semantics) of a chart folder of the repository at the pinned commit.
 */
package io.gitops4j.helm;
