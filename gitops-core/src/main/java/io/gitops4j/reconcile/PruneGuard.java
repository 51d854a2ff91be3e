package io.gitops4j.reconcile;

import java.util.Optional;

/** Decides whether a run may delete a number of owned resources, by the prune-safety limit. Stateless. */
final class PruneGuard {
    private PruneGuard() {
    }

    /**
     * Returns why deleting {@code deletions} of {@code owned} resources is refused, or empty when it is allowed:
     * allowed when the deletions are at most the limit's share of the inventory, when explicitly overridden, or when
     * the desired state is empty and {@link ReconcileOptions#allowEmpty()} accepts that (pruning everything is then
     * what was asked for).
     */
    static Optional<String> refusal(int deletions, int owned, boolean desiredEmpty, ReconcileOptions options) {
        if (deletions == 0 || options.allowLargePrune() || (desiredEmpty && options.allowEmpty())
                || deletions <= options.pruneLimit() * owned) {
            return Optional.empty();
        }
        long percent = Math.round(options.pruneLimit() * 100);
        return Optional.of("refusing to delete " + deletions + " of " + owned + " owned resources (limit " + percent
                + "%); pass allowLargePrune() to proceed");
    }
}
