package io.gitops4j.reconcile;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Per-object options read from the annotations of {@link WellKnownMetadata}, with the equivalents users bring from Flux and Argo CD:
 * <ul>
 *   <li>never prune: {@code gitops4j.io/prune: disabled}, Flux {@code kustomize.toolkit.fluxcd.io/prune: disabled},
 *       Argo CD {@code argocd.argoproj.io/sync-options: Prune=false};</li>
 *   <li>create only: {@code gitops4j.io/apply: if-not-present}, Flux {@code kustomize.toolkit.fluxcd.io/ssa:
 *       IfNotPresent} (created when missing, never updated after);</li>
 *   <li>leave alone: {@code gitops4j.io/reconcile: ignore}, Flux {@code kustomize.toolkit.fluxcd.io/ssa: Ignore}
 *       or {@code kustomize.toolkit.fluxcd.io/reconcile: disabled} (not created, updated, pruned, nor drift),
 *       read from the desired object and from the live one.</li>
 * </ul>
 * Stateless.
 */
final class ObjectPolicy {
    private ObjectPolicy() {
    }

    /** Returns which annotation disables pruning of a live object, if any. */
    static Optional<String> pruneDisabledBy(Resource live) {
        return WellKnownMetadata.pruneDisabledBy(live.annotations());
    }

    /** Tells whether an object is created when missing and never updated after. */
    static boolean applyIfNotPresent(Resource resource) {
        return is(resource, WellKnownMetadata.APPLY, WellKnownMetadata.APPLY_IF_NOT_PRESENT)
                || is(resource, WellKnownMetadata.FLUX_SSA, WellKnownMetadata.FLUX_SSA_IF_NOT_PRESENT);
    }

    /** Tells whether an object is left alone entirely. */
    static boolean ignored(Resource resource) {
        return is(resource, WellKnownMetadata.RECONCILE, WellKnownMetadata.RECONCILE_IGNORE)
                || is(resource, WellKnownMetadata.FLUX_SSA, WellKnownMetadata.FLUX_SSA_IGNORE)
                || is(resource, WellKnownMetadata.FLUX_RECONCILE, WellKnownMetadata.FLUX_DISABLED);
    }

    /**
     * Applies the policies to one diff: empty when the object is left alone, an in-sync diff when a create-only
     * object already exists, else the diff unchanged.
     */
    static Optional<ResourceDiff> apply(ResourceDiff diff) {
        boolean ignoredDesired = diff.desired().filter(ObjectPolicy::ignored).isPresent();
        boolean ignoredLive = diff.live().map(LiveResource::object).filter(ObjectPolicy::ignored).isPresent();
        if (ignoredDesired || ignoredLive) {
            return Optional.empty();
        }
        if (diff.type() == ChangeType.UPDATE && applyIfNotPresent(diff.desired().orElseThrow())) {
            return Optional.of(ResourceDiff.none(diff.desired().orElseThrow(), diff.live().orElseThrow()));
        }
        return Optional.of(diff);
    }

    private static boolean is(Resource resource, String annotation, String value) {
        return resource.annotation(annotation).filter(v -> v.trim().equalsIgnoreCase(value)).isPresent();
    }
}
