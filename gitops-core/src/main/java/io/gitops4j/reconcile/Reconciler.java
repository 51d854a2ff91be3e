package io.gitops4j.reconcile;

/**
 * Makes a target match a source, once per call.
 *
 * <p>The contract: idempotent (reconciling a converged system plans and changes nothing); failures of the source,
 * the target or single resources are reported in the {@link ReconcileResult}, never thrown; only programming
 * errors (a {@code null} argument) throw. Implementations state their thread-safety; {@link GitOpsEngine} runs
 * concurrent calls one after the other.
 */
public interface Reconciler {

    /**
     * Reconciles with the default options (apply, prune, no force, 50% prune limit, no health wait).
     *
     * @return what the run did
     */
    default ReconcileResult reconcile() {
        return reconcile(ReconcileOptions.defaults());
    }

    /**
     * Reconciles with the given options.
     *
     * @param options dry run, prune, force, prune limit, revision, health wait
     * @return what the run did
     */
    ReconcileResult reconcile(ReconcileOptions options);
}
