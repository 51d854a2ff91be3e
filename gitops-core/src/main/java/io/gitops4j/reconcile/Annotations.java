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
 *       the key is released from the inventory instead.</li>
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
