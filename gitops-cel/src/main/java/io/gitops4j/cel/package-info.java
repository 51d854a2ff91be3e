/**
 * Health rules for any kind written in CEL, like Flux's {@code healthCheckExprs}: a
 * {@link io.gitops4j.cel.CelHealthCheck} per group and kind with {@code current}, {@code failed} and
 * {@code inProgress} expressions, compiled when built (a bad one is a {@link io.gitops4j.cel.CelExpressionException}
 * naming it) and registered beside the Java {@link io.gitops4j.health.HealthAssessor}s, one at a time or as
 * {@link io.gitops4j.cel.CelHealthChecks}. An expression that cannot be evaluated on an object gives that object
 * an {@code UNKNOWN} health with the reason, never an exception.
 */
package io.gitops4j.cel;
