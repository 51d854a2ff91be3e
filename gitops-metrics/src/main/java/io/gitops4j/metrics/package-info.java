/**
 * Micrometer metrics for gitops4j, in an optional module so that core stays free of Micrometer: reconcile
 * durations and outcomes, objects applied and pruned, drift, source fetches and loads, and each application's sync
 * and health state as gauges, under the {@code gitops4j.} prefix (Prometheus: {@code gitops4j_}). The entry is
 * {@link io.gitops4j.metrics.GitOpsMetrics#bind}, which returns the listeners to give the engine or controller
 * builders.
 */
package io.gitops4j.metrics;
