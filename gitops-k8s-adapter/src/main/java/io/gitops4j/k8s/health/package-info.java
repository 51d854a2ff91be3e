/**
 * Health rules for built-in Kubernetes kinds, one file per kind like gitops-engine's {@code pkg/health}
 * ({@code health_deployment.go}, ...), and {@link io.gitops4j.k8s.health.KubernetesHealth}, the chain a
 * {@code KubernetesTarget} uses: custom rules first, then per-kind rules, then the generic
 * {@link io.gitops4j.k8s.health.ConditionsHealth} (conditions {@code Ready}/{@code Available} and
 * {@code observedGeneration}) for any other kind.
 */
package io.gitops4j.k8s.health;
