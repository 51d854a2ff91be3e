package io.gitops4j.reconcile;

import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.model.Resource;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-object options read from annotations, with the equivalents users bring from Flux and Argo CD:
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
    private static final String FLUX_PRUNE = "kustomize.toolkit.fluxcd.io/prune";
    private static final String FLUX_SSA = "kustomize.toolkit.fluxcd.io/ssa";
    private static final String FLUX_RECONCILE = "kustomize.toolkit.fluxcd.io/reconcile";
    private static final String ARGO_SYNC_OPTIONS = "argocd.argoproj.io/sync-options";

    private ObjectPolicy() {
    }

    /** Returns which annotation disables pruning of a live object, if any. */
    static Optional<String> pruneDisabledBy(Resource live) {
        if (is(live, Annotations.PRUNE, Annotations.PRUNE_DISABLED)) {
            return Optional.of(Annotations.PRUNE + "=" + Annotations.PRUNE_DISABLED);
        }
        if (is(live, FLUX_PRUNE, "disabled")) {
            return Optional.of(FLUX_PRUNE + "=disabled");
        }
        if (syncOption(live, "Prune=false")) {
            return Optional.of(ARGO_SYNC_OPTIONS + ": Prune=false");
        }
        return Optional.empty();
    }

    /** Tells whether an object is created when missing and never updated after. */
    static boolean applyIfNotPresent(Resource resource) {
        return is(resource, Annotations.APPLY, Annotations.APPLY_IF_NOT_PRESENT) || is(resource, FLUX_SSA, "IfNotPresent");
    }

    /** Tells whether an object is left alone entirely. */
    static boolean ignored(Resource resource) {
        return is(resource, Annotations.RECONCILE, Annotations.RECONCILE_IGNORE) || is(resource, FLUX_SSA, "Ignore")
                || is(resource, FLUX_RECONCILE, "disabled");
    }

    /**
     * Applies the policies to one diff: empty when the object is left alone, an in-sync diff when a create-only
     * object already exists, else the diff unchanged.
     */
    static Optional<ResourceDiff> apply(ResourceDiff diff) {
        boolean ignoredDesired = diff instanceof ResourceDiff.Declared declared && ignored(declared.desired());
        boolean ignoredLive = diff instanceof ResourceDiff.Existing existing && ignored(existing.live().object());
        if (ignoredDesired || ignoredLive) {
            return Optional.empty();
        }
        if (diff instanceof ResourceDiff.Update update && applyIfNotPresent(update.desired())) {
            return Optional.of(new ResourceDiff.InSync(update.desired(), update.live()));
        }
        return Optional.of(diff);
    }

    private static boolean is(Resource resource, String annotation, String value) {
        return resource.annotation(annotation).filter(v -> v.trim().equalsIgnoreCase(value)).isPresent();
    }

    private static boolean syncOption(Resource resource, String option) {
        return resource.annotation(ARGO_SYNC_OPTIONS).map(v -> {
            for (String part : v.split(",")) {
                if (part.trim().toLowerCase(Locale.ROOT).equals(option.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }
}
