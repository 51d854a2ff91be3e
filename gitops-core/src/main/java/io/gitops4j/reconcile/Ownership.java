package io.gitops4j.reconcile;

import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Decides whether an application may apply over a live object that another application tracks. A live object
 * without a tracking id (created by hand) is adopted silently; one whose tracking id names another application is
 * a conflict unless the desired object carries {@code gitops4j.io/adopt: "true"} (like Argo CD's shared-resource
 * warning and Flux's ownership labels). A tracking id of the same application under another key (an object copied
 * by hand) is not a conflict. Also decides which objects prune must keep. Stateless.
 */
final class Ownership {
    private Ownership() {
    }

    /**
     * Returns why {@code application} must not apply {@code desired} over {@code live}, or empty when it may.
     *
     * @param application the application applying
     * @param desired the object about to be applied
     * @param live the object as it is on the target
     */
    static Optional<String> conflict(String application, Resource desired, Resource live) {
        return conflict(application, desired, live, SyncOptions.none());
    }

    /**
     * Returns why {@code application} must not apply {@code desired} over {@code live}, or empty when it may; with
     * {@code FailOnSharedResource=true} (the application's options, or the desired object's over them) the adopt
     * annotation does not lift the conflict.
     *
     * @param application the application applying
     * @param desired the object about to be applied
     * @param live the object as it is on the target
     * @param appOptions the application's sync options
     */
    static Optional<String> conflict(String application, Resource desired, Resource live, SyncOptions appOptions) {
        Optional<String> trackingId = live.annotation(WellKnownMetadata.TRACKING_ID);
        if (trackingId.isEmpty()) {
            return Optional.empty();
        }
        String owner = ownerOf(trackingId.get());
        if (owner.equals(application)) {
            return Optional.empty();
        }
        boolean failOnShared = appOptions.overriddenBy(SyncOptions.of(desired)).failOnSharedResource();
        if (failOnShared) {
            return Optional.of("not applied: owned by application " + owner + " (" + WellKnownMetadata.TRACKING_ID
                    + "=" + trackingId.get() + ") and FailOnSharedResource=true refuses shared resources, even "
                    + "adopted ones");
        }
        if (adopts(desired)) {
            return Optional.empty();
        }
        return Optional.of("not applied: owned by application " + owner + " (" + WellKnownMetadata.TRACKING_ID + "="
                + trackingId.get() + "); add the annotation " + WellKnownMetadata.ADOPT + ": \"" + WellKnownMetadata.ADOPT_TRUE
                + "\" to the desired object to take it over");
    }

    /**
     * Returns why a live object that {@code application} no longer declares must not be deleted, or empty when
     * it may be: pruning disabled by annotation, or a tracking id other than this application's for this key.
     *
     * @param application the application pruning
     * @param live the object as it is on the target
     */
    static Optional<String> keepReason(String application, Resource live) {
        Optional<String> disabledBy = ObjectPolicy.pruneDisabledBy(live);
        if (disabledBy.isPresent()) {
            return Optional.of("not deleted: pruning is disabled by the annotation " + disabledBy.get());
        }
        String ours = TrackingId.of(application, live.key());
        Optional<String> owner = live.annotation(WellKnownMetadata.TRACKING_ID);
        if (owner.isPresent() && !owner.get().equals(ours)) {
            return Optional.of("not deleted: the object is tracked by another application ("
                    + WellKnownMetadata.TRACKING_ID + "=" + owner.get() + ")");
        }
        return Optional.empty();
    }

    /** Tells whether the desired object asks to take over an object another application owns. */
    static boolean adopts(Resource desired) {
        return desired.annotation(WellKnownMetadata.ADOPT).filter(v -> v.trim().equalsIgnoreCase(WellKnownMetadata.ADOPT_TRUE))
                .isPresent();
    }

    private static String ownerOf(String trackingId) {
        int colon = trackingId.indexOf(':');
        return colon < 0 ? trackingId : trackingId.substring(0, colon);
    }
}
