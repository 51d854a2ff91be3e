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
 *
 * <p>Hooks (Argo CD's {@code argocd.argoproj.io/hook}, and Helm's {@code helm.sh/hook} mapped as Argo CD maps it;
 * see {@link io.gitops4j.plan.Hooks}) are not resources of the application: a run that syncs something (its plan
 * has changes, or it forces) creates them with {@link io.gitops4j.target.Target#create} in the order phase, wave,
 * kind, name, and waits for each wave of hooks to complete (a Job complete, a Pod succeeded) before going on:
 * PreSync before anything is applied, Sync after the resources of their wave, PostSync once every applied resource
 * is healthy, SyncFail when the run failed. A failed hook fails the run and nothing is pruned; a failed PreSync hook
 * leaves the live resources and the inventory untouched. Delete policies HookSucceeded, HookFailed and
 * BeforeHookCreation (the default) are kept; hooks are never recorded in the inventory nor pruned, and every hook
 * outcome is a {@link io.gitops4j.reconcile.HookResult} of the result. Converged runs and dry runs run no hooks;
 * Skip, PostDelete (the engine never deletes an application) and unsupported Helm hooks are reported, never
 * applied.
 */
package io.gitops4j.reconcile;
