/**
 * Comparing desired with live state: the {@link io.gitops4j.diff.StateDiffer} SPI and its results,
 * {@link io.gitops4j.diff.StateDiff} (per resource) and {@link io.gitops4j.diff.ResourceDiff} (per field, as
 * JSON Pointer paths in {@link io.gitops4j.diff.FieldChange}). Diffs are three-way: a field counts when desired
 * declares it, or when it was applied last time and desired no longer declares it. Secret values are redacted
 * in every rendering.
 *
 * <p>{@link io.gitops4j.diff.DefaultStateDiffer} is the Kubernetes-aware implementation (its Javadoc lists the
 * rules: server fields, numbers and quantities by value, list merge keys, Secret {@code stringData});
 * {@link io.gitops4j.diff.IgnoreRule} leaves chosen fields out of every diff, like Argo CD's
 * {@code ignoreDifferences}; {@link io.gitops4j.diff.DiffFormatter} renders diffs as text or JSON without ever
 * showing a redacted value. Differs are pure functions that keep no state; the engine alone remembers its last
 * run. Every other type here is an implementation detail.
 */
package io.gitops4j.diff;
