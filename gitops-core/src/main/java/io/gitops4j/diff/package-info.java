/**
 * Comparing desired with live state: the {@link io.gitops4j.diff.StateDiffer} SPI and its results,
 * {@link io.gitops4j.diff.StateDiff} (per resource) and {@link io.gitops4j.diff.ResourceDiff} (per field, as
 * JSON Pointer paths in {@link io.gitops4j.diff.FieldChange}). Diffs are three-way: a field counts when desired
 * declares it, or when it was applied last time and desired no longer declares it. Secret values are redacted
 * in every rendering.
 */
package io.gitops4j.diff;
