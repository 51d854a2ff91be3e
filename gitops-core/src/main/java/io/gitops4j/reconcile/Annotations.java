package io.gitops4j.reconcile;

import io.gitops4j.model.ResourceKey;

/**
 * The annotations the engine writes and reads on objects.
 *
 * <ul>
 *   <li>{@value #TRACKING_ID}: written on every applied object as
 *       {@code <application>:<group>/<kind>:<namespace>/<name>} (like Argo CD's annotation tracking); the differ
 *       sees it as a declared field, and the engine never prunes an object that carries another application's
 *       id;</li>
 *   <li>{@value #PRUNE}: set to {@value #PRUNE_DISABLED} on a live object, it keeps the engine from deleting it;
 *       the key is released from the inventory instead (Flux's {@code kustomize.toolkit.fluxcd.io/prune: disabled}
 *       and Argo CD's {@code argocd.argoproj.io/sync-options: Prune=false} are honoured the same way);</li>
 *   <li>{@value #APPLY}: set to {@value #APPLY_IF_NOT_PRESENT}, the object is created when missing and never
 *       updated after (Flux's {@code kustomize.toolkit.fluxcd.io/ssa: IfNotPresent});</li>
 *   <li>{@value #RECONCILE}: set to {@value #RECONCILE_IGNORE} on the desired or the live object, the engine leaves
 *       it alone entirely: no create, update or prune, and no drift (Flux's {@code kustomize.toolkit.fluxcd.io/ssa:
 *       Ignore} and {@code kustomize.toolkit.fluxcd.io/reconcile: disabled}).</li>
 * </ul>
 * Waves are read by the planner from {@code gitops4j.io/wave} and {@code argocd.argoproj.io/sync-wave}.
 */
public final class Annotations {
    /** The annotation that names the application and key that own an object. */
    public static final String TRACKING_ID = "gitops4j.io/tracking-id";
    /** The annotation that can disable pruning of one object. */
    public static final String PRUNE = "gitops4j.io/prune";
    /** The value of {@link #PRUNE} that disables pruning. */
    public static final String PRUNE_DISABLED = "disabled";

    /** The annotation that makes an object create-only. */
    public static final String APPLY = "gitops4j.io/apply";
    /** The value of {@link #APPLY} that creates the object only when it is missing. */
    public static final String APPLY_IF_NOT_PRESENT = "if-not-present";
    /** The annotation that makes the engine leave an object alone. */
    public static final String RECONCILE = "gitops4j.io/reconcile";
    /** The value of {@link #RECONCILE} that leaves the object alone. */
    public static final String RECONCILE_IGNORE = "ignore";

    private Annotations() {
    }

    /**
     * Returns the tracking id of a key in an application.
     *
     * @param application the application name
     * @param key the resource
     * @return {@code <application>:<group>/<kind>:<namespace>/<name>}, e.g. {@code shop:apps/Deployment:shop/web}
     *     or {@code shop:/Namespace:/shop}
     */
    public static String trackingId(String application, ResourceKey key) {
        return application + ":" + key.group() + "/" + key.kind() + ":" + key.namespace() + "/" + key.name();
    }
}
