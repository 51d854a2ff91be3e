package io.gitops4j.kinds;

import java.util.Map;
import java.util.Optional;

/**
 * The annotation and label keys gitops4j reads or writes, with their values: its own ({@code gitops4j.io/*}),
 * the Flux ({@code kustomize.toolkit.fluxcd.io/*}) and Argo CD ({@code argocd.argoproj.io/*}) equivalents it honours
 * for users coming from those tools, and the Kubernetes ones it must recognise. Values are compared
 * case-insensitively and trimmed unless a constant says otherwise.
 */
public final class WellKnownMetadata {

    // gitops4j's own

    /**
     * Annotation written on every applied object: {@code <application>:<group>/<kind>:<namespace>/<name>} (like
     * Argo CD's annotation tracking). The engine never prunes an object carrying another application's id, and
     * refuses to apply over one unless the desired object carries {@link #ADOPT}.
     */
    public static final String TRACKING_ID = "gitops4j.io/tracking-id";
    /** Annotation on a live object that, set to {@link #PRUNE_DISABLED}, keeps it from being deleted. */
    public static final String PRUNE = "gitops4j.io/prune";
    /** The value of {@link #PRUNE} that disables pruning; the key is released from the inventory instead. */
    public static final String PRUNE_DISABLED = "disabled";
    /** Annotation that, set to {@link #APPLY_IF_NOT_PRESENT}, makes an object create-only. */
    public static final String APPLY = "gitops4j.io/apply";
    /** The value of {@link #APPLY} that creates the object when it is missing and never updates it after. */
    public static final String APPLY_IF_NOT_PRESENT = "if-not-present";
    /**
     * Annotation that, set to {@link #RECONCILE_IGNORE} on the desired or the live object, makes the engine leave
     * the object alone: no create, update or prune, and no drift.
     */
    public static final String RECONCILE = "gitops4j.io/reconcile";
    /** The value of {@link #RECONCILE} that leaves the object alone. */
    public static final String RECONCILE_IGNORE = "ignore";
    /**
     * Annotation on a desired object that, set to {@link #ADOPT_TRUE}, lets its application take over a live object
     * another application owns (whose {@link #TRACKING_ID} names another application); without it such an apply
     * fails with a conflict that names the owner.
     */
    public static final String ADOPT = "gitops4j.io/adopt";
    /** The value of {@link #ADOPT} that allows the takeover. */
    public static final String ADOPT_TRUE = "true";
    /**
     * Annotation holding an object's sync wave, an integer (default 0): lower waves are applied first. Wins over
     * {@link #ARGO_SYNC_WAVE} when both are set.
     */
    public static final String WAVE = "gitops4j.io/wave";
    /**
     * Annotation with comma-separated sync options, the same as {@link #ARGO_SYNC_OPTIONS} (e.g.
     * {@code Prune=confirm,Force=true}); an option set in both takes this annotation's value.
     */
    public static final String SYNC_OPTIONS = "gitops4j.io/sync-options";
    /** Label, set to {@code "true"}, on the ConfigMaps in which the Kubernetes target stores inventories. */
    public static final String INVENTORY_LABEL = "gitops4j.io/inventory";
    /** Label, set to {@code "true"}, on the ConfigMaps in which the Kubernetes target stores run records. */
    public static final String HISTORY_LABEL = "gitops4j.io/history";
    /** Label, set to {@code "true"}, on the Leases in which a fleet of replicas keeps its membership and claims. */
    public static final String LEASE_LABEL = "gitops4j.io/lease";
    /**
     * Label on the inventory and run-record ConfigMaps naming their application (the name itself when it is a
     * valid label value, else a shortened form with a hash; the ConfigMap's data holds the exact name).
     */
    public static final String APPLICATION_LABEL = "gitops4j.io/application";

    /**
     * Annotation the engine writes on every hook object it creates, naming the application whose hook it is; a
     * hook object of another application (or an object that is no hook) is never deleted to make room for a hook.
     */
    public static final String HOOK_OF = "gitops4j.io/hook-of";
    /**
     * Label the engine writes on every hook object it creates: a hash of the application and the hook's key, by
     * which the objects an earlier run made of the same hook (with generated names) are found and deleted
     * before the hook is created again.
     */
    public static final String HOOK_ID_LABEL = "gitops4j.io/hook-id";

    // Flux (kustomize-controller)

    /** Flux's prune annotation; {@link #FLUX_DISABLED} means the same as {@link #PRUNE_DISABLED}. */
    public static final String FLUX_PRUNE = "kustomize.toolkit.fluxcd.io/prune";
    /**
     * Flux's server-side-apply policy annotation: {@link #FLUX_SSA_IF_NOT_PRESENT} means the same as
     * {@link #APPLY_IF_NOT_PRESENT}, {@link #FLUX_SSA_IGNORE} the same as {@link #RECONCILE_IGNORE}.
     */
    public static final String FLUX_SSA = "kustomize.toolkit.fluxcd.io/ssa";
    /** The value of {@link #FLUX_SSA} for create-only objects. */
    public static final String FLUX_SSA_IF_NOT_PRESENT = "IfNotPresent";
    /** The value of {@link #FLUX_SSA} for objects left alone. */
    public static final String FLUX_SSA_IGNORE = "Ignore";
    /** The value of {@link #FLUX_SSA} that keeps the values of fields other managers own (not taking them over). */
    public static final String FLUX_SSA_MERGE = "Merge";
    /** The value of {@link #FLUX_SSA} that takes over fields other managers own: the default. */
    public static final String FLUX_SSA_OVERRIDE = "Override";
    /**
     * Flux's force annotation: {@link #FLUX_ENABLED} deletes and recreates the object when an apply changes an
     * immutable field, the same as the sync option {@code Force=true}.
     */
    public static final String FLUX_FORCE = "kustomize.toolkit.fluxcd.io/force";
    /** The value of {@link #FLUX_FORCE} that turns recreating on. */
    public static final String FLUX_ENABLED = "enabled";
    /** Flux's reconcile annotation; {@link #FLUX_DISABLED} means the same as {@link #RECONCILE_IGNORE}. */
    public static final String FLUX_RECONCILE = "kustomize.toolkit.fluxcd.io/reconcile";
    /** Flux's post-build substitution label or annotation; {@link #FLUX_DISABLED} leaves the object as written. */
    public static final String FLUX_SUBSTITUTE = "kustomize.toolkit.fluxcd.io/substitute";
    /** The value of {@link #FLUX_PRUNE} and {@link #FLUX_RECONCILE} that turns the behaviour off. */
    public static final String FLUX_DISABLED = "disabled";

    // Argo CD

    /** Argo CD's sync-wave annotation, honoured when {@link #WAVE} is absent. */
    public static final String ARGO_SYNC_WAVE = "argocd.argoproj.io/sync-wave";
    /**
     * Argo CD's comma-separated sync options annotation (read like {@link #SYNC_OPTIONS});
     * {@link #ARGO_PRUNE_FALSE} disables pruning.
     */
    public static final String ARGO_SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    /** The option of {@link #ARGO_SYNC_OPTIONS} that means the same as {@link #PRUNE_DISABLED}. */
    public static final String ARGO_PRUNE_FALSE = "Prune=false";
    /**
     * Argo CD's resource hook annotation: a comma-separated list of {@code PreSync}, {@code Sync}, {@code PostSync},
     * {@code SyncFail}, {@code PostDelete} or {@code Skip}. An object carrying it is a hook, not a resource of the
     * application, and its {@code helm.sh/*} hook annotations are ignored.
     */
    public static final String ARGO_HOOK = "argocd.argoproj.io/hook";
    /**
     * Argo CD's hook delete policy annotation: a comma-separated list of {@code HookSucceeded}, {@code HookFailed}
     * and {@code BeforeHookCreation} (the default when none is given).
     */
    public static final String ARGO_HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";

    // Helm

    /**
     * Helm's hook annotation, honoured as Argo CD honours it: {@code pre-install} and {@code pre-upgrade} run as
     * {@code PreSync}, {@code post-install} and {@code post-upgrade} as {@code PostSync}; the other Helm hooks are
     * not run (a warning in the plan and the result says so).
     */
    public static final String HELM_HOOK = "helm.sh/hook";
    /** Helm's hook weight annotation, an integer: the wave of a Helm hook that has no sync-wave annotation. */
    public static final String HELM_HOOK_WEIGHT = "helm.sh/hook-weight";
    /**
     * Helm's hook delete policy annotation: {@code before-hook-creation}, {@code hook-succeeded} and
     * {@code hook-failed}, read as Argo CD's {@code BeforeHookCreation}, {@code HookSucceeded} and
     * {@code HookFailed}.
     */
    public static final String HELM_HOOK_DELETE_POLICY = "helm.sh/hook-delete-policy";

    // Kubernetes

    /** Annotation {@code kubectl apply} writes with the last applied manifest; never declared, never drift. */
    public static final String KUBECTL_LAST_APPLIED_CONFIGURATION = "kubectl.kubernetes.io/last-applied-configuration";
    /** Annotation the Deployment controller writes with the rollout revision; never declared, never drift. */
    public static final String DEPLOYMENT_REVISION = "deployment.kubernetes.io/revision";
    /** Label the API server puts on every Namespace, holding the namespace's name. */
    public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private WellKnownMetadata() {
    }

    /**
     * Returns which annotation, if any, protects an object from being pruned: {@link #PRUNE}{@code : disabled},
     * Flux's {@link #FLUX_PRUNE}{@code : disabled} or Argo CD's {@link #ARGO_SYNC_OPTIONS} (or
     * {@link #SYNC_OPTIONS}) holding {@link #ARGO_PRUNE_FALSE}; values are trimmed and compared in any case. The engine releases such an object
     * from its inventory instead of deleting it, and the Kubernetes target refuses to delete it.
     *
     * @param annotations the object's annotations
     * @return the protecting annotation and value, e.g. {@code gitops4j.io/prune=disabled}, or empty
     */
    public static Optional<String> pruneDisabledBy(Map<String, String> annotations) {
        if (is(annotations.get(PRUNE), PRUNE_DISABLED)) {
            return Optional.of(PRUNE + "=" + PRUNE_DISABLED);
        }
        if (is(annotations.get(FLUX_PRUNE), FLUX_DISABLED)) {
            return Optional.of(FLUX_PRUNE + "=" + FLUX_DISABLED);
        }
        for (String annotation : new String[] {SYNC_OPTIONS, ARGO_SYNC_OPTIONS}) {
            String options = annotations.get(annotation);
            if (options != null) {
                for (String option : options.split(",")) {
                    if (is(option, ARGO_PRUNE_FALSE)) {
                        return Optional.of(annotation + ": " + ARGO_PRUNE_FALSE);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether an object is a hook rather than a resource of its application: it carries {@link #ARGO_HOOK},
     * or {@link #HELM_HOOK} with another value than Helm 2's {@code crd-install} (such CRDs stay ordinary
     * resources, as in Argo CD).
     *
     * @param annotations the object's annotations
     * @return {@code true} for a hook
     */
    public static boolean isHook(Map<String, String> annotations) {
        if (annotations.containsKey(ARGO_HOOK)) {
            return true;
        }
        String helm = annotations.get(HELM_HOOK);
        return helm != null && !helm.isBlank() && !helm.trim().equalsIgnoreCase("crd-install");
    }

    private static boolean is(String value, String expected) {
        return value != null && value.trim().equalsIgnoreCase(expected);
    }
}
