/**
 * Ordering changes: the {@link io.gitops4j.plan.Planner} turns a {@link io.gitops4j.diff.StateDiff} into an
 * immutable {@link io.gitops4j.plan.Plan} of {@link io.gitops4j.plan.PlanStep}s. Applies run in the order
 * (wave, kind priority, key): the wave comes from the {@code gitops4j.io/wave} annotation (or Argo CD's
 * {@code argocd.argoproj.io/sync-wave}), default 0; kinds rank Namespace, CustomResourceDefinition,
 * ServiceAccount and RBAC, ConfigMap and Secret (and storage), Service, workloads, then everything else.
 * Deletions run after every apply, in the reverse order, with custom resources before their CRD and namespaced
 * objects before their Namespace. The same diff always gives the same plan, byte for byte, as text and as JSON.
 * {@link io.gitops4j.plan.Hooks} separates hooks (Argo CD and Helm hook annotations) from resources and orders
 * them by phase ({@link io.gitops4j.plan.HookPhase}), wave, kind and name; a plan lists them as
 * {@link io.gitops4j.plan.HookStep}s after its steps.
 */
package io.gitops4j.plan;
