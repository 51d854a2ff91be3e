package io.gitops4j.reconcile;

import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.ResourceKey;

/**
 * The value of the {@link WellKnownMetadata#TRACKING_ID} annotation the engine writes on every applied object. The
 * other annotations the engine reads (prune, apply, reconcile, adopt, and their Flux and Argo CD equivalents) are
 * listed in {@link WellKnownMetadata}. Stateless.
 */
final class TrackingId {

    private TrackingId() {
    }

    /**
     * Returns the tracking id of a key in an application: {@code <application>:<group>/<kind>:<namespace>/<name>},
     * e.g. {@code shop:apps/Deployment:shop/web} or {@code shop:/Namespace:/shop}.
     */
    static String of(String application, ResourceKey key) {
        return application + ":" + key.group() + "/" + key.kind() + ":" + key.namespace() + "/" + key.name();
    }
}
