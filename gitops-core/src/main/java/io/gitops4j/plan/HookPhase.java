package io.gitops4j.plan;

import java.util.Optional;

/**
 * When a hook runs, as Argo CD's {@code argocd.argoproj.io/hook} names it. The constants are declared in run order:
 * {@link #PRE_SYNC} before any resource is applied, {@link #SYNC} with the resources of its wave,
 * {@link #POST_SYNC} once everything synced is healthy, {@link #SYNC_FAIL} when the run failed; {@link #POST_DELETE}
 * and {@link #SKIP} never run in a reconcile.
 */
public enum HookPhase {
    /** Before any resource is applied; a failure leaves the live resources untouched. */
    PRE_SYNC("PreSync"),
    /** In the sync itself, after the resources of the same wave. */
    SYNC("Sync"),
    /** After every resource is applied and healthy and every sync hook succeeded. */
    POST_SYNC("PostSync"),
    /** When the run failed: a failed hook or a failed resource; nothing is pruned then. */
    SYNC_FAIL("SyncFail"),
    /**
     * When the application is deleted. gitops4j's engine and loop never delete an application (removing one from a
     * controller leaves its objects), so such hooks are never run: the plan and the result say so.
     */
    POST_DELETE("PostDelete"),
    /** Not a hook that runs: the object is not applied at all. */
    SKIP("Skip");

    private final String argoName;

    HookPhase(String argoName) {
        this.argoName = argoName;
    }

    /**
     * Returns the name Argo CD's annotation uses.
     *
     * @return e.g. {@code PreSync}
     */
    public String argoName() {
        return argoName;
    }

    /**
     * Tells whether hooks of this phase are created by a reconcile.
     *
     * @return {@code false} for {@link #POST_DELETE} and {@link #SKIP}
     */
    public boolean runs() {
        return this != POST_DELETE && this != SKIP;
    }

    /**
     * Reads one value of Argo CD's hook annotation, in any case.
     *
     * @param value e.g. {@code PreSync}
     * @return the phase, or empty when the value names none
     */
    public static Optional<HookPhase> ofArgoName(String value) {
        return ArgoNames.find(values(), HookPhase::argoName, value);
    }

    /** Renders as the Argo CD name, e.g. {@code PreSync}. */
    @Override
    public String toString() {
        return argoName;
    }
}
