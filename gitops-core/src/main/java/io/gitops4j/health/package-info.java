/**
 * Health of live objects: the ranked {@link io.gitops4j.health.HealthStatus}, the
 * {@link io.gitops4j.health.Health} value with its reason, the {@link io.gitops4j.health.HealthAssessor}
 * SPI that targets use per kind. The health of a set of resources observed on a target, and its aggregate (the
 * worst status), is {@code io.gitops4j.target.HealthAssessment}.
 */
package io.gitops4j.health;
