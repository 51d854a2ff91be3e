/**
 * Reconciling: the {@link io.gitops4j.reconcile.Reconciler} contract and its default implementation, the
 * {@link io.gitops4j.reconcile.GitOpsEngine}. One run loads the desired state, observes the live state of the
 * desired and owned keys, diffs, plans, applies in plan order, prunes what the inventory owns and desired no
 * longer declares, records the inventory, optionally waits for health, and returns a
 * {@link io.gitops4j.reconcile.ReconcileResult} whose {@link io.gitops4j.reconcile.RunOutcome} says how it ended
 * (with the errors, or the step it timed out at). The engine remembers its last run in one place and reuses a
 * resource's diff and plan step while its desired and live objects are the very same instances; the differ and
 * the planner are pure. Per-resource failures are data in the result, never
 * exceptions. Prune never runs after a failed load or a failed apply of the same run, nor beyond the
 * prune-safety limit without an explicit override. {@link io.gitops4j.reconcile.SyncOptions} (Argo CD's sync
 * options, per application and per object annotation, and Flux's {@code ssa}/{@code force} annotations) change how
 * single objects are applied, recreated and pruned. {@link io.gitops4j.reconcile.ReconcileListener}s observe
 * each run.
 */
package io.gitops4j.reconcile;
