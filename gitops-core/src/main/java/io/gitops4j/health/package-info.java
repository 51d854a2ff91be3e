/**
 * Health of live objects: the ranked {@link io.gitops4j.health.HealthStatus}, the
 * {@link io.gitops4j.health.Health} value with its reason, and the {@link io.gitops4j.health.HealthAssessor}
 * SPI that targets use per kind.
 */
package io.gitops4j.health;
