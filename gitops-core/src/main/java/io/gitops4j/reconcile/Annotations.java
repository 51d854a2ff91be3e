package io.gitops4j.reconcile;

import io.gitops4j.model.ResourceKey;

/**
 * The annotations the engine writes and reads on objects.
 *
 * <ul>
 *   <li>{@value #TRACKING_ID}: written on every applied object as
 *       {@code <application>:<group>/<kind>:<namespace>/<name>} (like Argo CD's annotation tracking); the differ
 *       sees it as a declared field; the engine never prunes an object that carries another application's id,
 *       and refuses to apply over one unless the desired object carries {@value #ADOPT};</li>
 *   <li>{@value #PRUNE}: set to {@value #PRUNE_DISABLED} on a live object, it keeps the engine from deleting it;
 *       the key is released from the inventory instead (Flux's {@code kustomize.toolkit.fluxcd.io/prune: disabled}
 *       and Argo CD's {@code argocd.argoproj.io/sync-options: Prune=false} are honoured the same way);</li>
 *   <li>{@value #APPLY}: set to {@value #APPLY_IF_NOT_PRESENT}, the object is created when missing and never
 *       updated after (Flux's {@code kustomize.toolkit.fluxcd.io/ssa: IfNotPresent});</li>
 *   <li>{@value #RECONCILE}: set to {@value #RECONCILE_IGNORE} on the desired or the live object, the engine leaves
 *       it alone entirely: no create, update or prune, and no drift (Flux's {@code kustomize.toolkit.fluxcd.io/ssa:
 *       Ignore} and {@code kustomize.toolkit.fluxcd.io/reconcile: disabled});</li>
 *   <li>{@value #ADOPT}: set to {@value #ADOPT_TRUE} on a desired object, the engine applies it even when the live
 *       object carries another application's tracking id, and takes it over (the other application then releases
 *       it instead of pruning it); without it, such an apply fails with a conflict that names the owner.</li>
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
    /**
     * The annotation on a desired object that lets this application take over a live object another application
     * owns (its {@link #TRACKING_ID} names another application); without it, applying such an object fails.
     */
    public static final String ADOPT = "gitops4j.io/adopt";
    /** The value of {@link #ADOPT} that allows the takeover. */
    public static final String ADOPT_TRUE = "true";

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
