/**
 * Health rules for built-in Kubernetes kinds, one package-private file per kind like gitops-engine's
 * {@code pkg/health} ({@code health_deployment.go}, ...), behind one public entry,
 * {@link io.gitops4j.k8s.health.KubernetesHealth}: the chain a {@code KubernetesTarget} uses, custom rules first,
 * then per-kind rules, then a generic rule (conditions {@code Ready}/{@code Available} and
 * {@code observedGeneration}) for any other kind.
 */
package io.gitops4j.k8s.health;
