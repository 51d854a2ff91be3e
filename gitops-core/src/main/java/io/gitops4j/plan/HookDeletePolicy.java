package io.gitops4j.plan;

import java.util.Optional;

/**
 * When the engine deletes a hook object it created, as Argo CD's {@code argocd.argoproj.io/hook-delete-policy}
 * (and Helm's {@code helm.sh/hook-delete-policy}) names it. {@link #BEFORE_HOOK_CREATION} is the default when a hook
 * names no policy.
 */
public enum HookDeletePolicy {
    /** Deleted once it succeeded. */
    HOOK_SUCCEEDED("HookSucceeded", "hook-succeeded"),
    /** Deleted once it failed. */
    HOOK_FAILED("HookFailed", "hook-failed"),
    /** The objects an earlier run made of this hook are deleted before it is created again. */
    BEFORE_HOOK_CREATION("BeforeHookCreation", "before-hook-creation");

    private final String argoName;
    private final String helmName;

    HookDeletePolicy(String argoName, String helmName) {
        this.argoName = argoName;
        this.helmName = helmName;
    }

    /**
     * Returns the name Argo CD's annotation uses.
     *
     * @return e.g. {@code HookSucceeded}
     */
    public String argoName() {
        return argoName;
    }

    /**
     * Reads one value of Argo CD's delete policy annotation, in any case.
     *
     * @param value e.g. {@code HookSucceeded}
     * @return the policy, or empty when the value names none
     */
    public static Optional<HookDeletePolicy> ofArgoName(String value) {
        return ArgoNames.find(values(), HookDeletePolicy::argoName, value);
    }

    /**
     * Reads one value of Helm's delete policy annotation, as Argo CD maps it.
     *
     * @param value e.g. {@code hook-succeeded}
     * @return the policy, or empty when the value names none
     */
    public static Optional<HookDeletePolicy> ofHelmName(String value) {
        return ArgoNames.find(values(), policy -> policy.helmName, value);
    }

    /** Renders as the Argo CD name, e.g. {@code BeforeHookCreation}. */
    @Override
    public String toString() {
        return argoName;
    }
}
