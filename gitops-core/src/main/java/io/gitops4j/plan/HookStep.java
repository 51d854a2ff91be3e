package io.gitops4j.plan;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.EnumSet;
import java.util.List;

/**
 * One hook of a {@link Plan}: which object runs in which phase and wave, and when it is deleted. A hook is not a
 * resource of the application: it is created on each sync that changes something, waited for until it completes,
 * never recorded in the inventory and never pruned.
 *
 * <p>The key of a hook with only {@code metadata.generateName} ends with {@link Resource#GENERATED_NAME}
 * ({@code batch/Job/shop/before-<generated>}): a stable identity, while the object the target creates gets its
 * generated name. Immutable and thread-safe.
 *
 * @param phase when it runs
 * @param key the hook's stable key (its declared name, or its name prefix plus {@link Resource#GENERATED_NAME})
 * @param wave the wave within the phase (the sync-wave annotation, else Helm's hook weight, else 0)
 * @param deletePolicies when the object is deleted, in declaration order of {@link HookDeletePolicy}; never empty
 *     for a hook that runs
 * @param hook the object to create, as declared (with its key resolved by the target when planned by the engine)
 * @param note a warning about what is not supported (e.g. a Helm hook type gitops4j does not run), or {@code ""}
 */
public record HookStep(HookPhase phase, ResourceKey key, int wave, List<HookDeletePolicy> deletePolicies,
        Resource hook, String note) {

    /** Validates the components and keeps the delete policies in their declaration order, without repeats. */
    public HookStep {
        requireNonNull(phase, "phase is null");
        requireNonNull(key, "key is null");
        requireNonNull(hook, "hook is null");
        requireNonNull(note, "note is null");
        deletePolicies = deletePolicies.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(deletePolicies));
    }

    /**
     * Tells whether the object is deleted under a policy.
     *
     * @param policy the policy
     * @return {@code true} when the hook names it (or defaults to it)
     */
    public boolean deletes(HookDeletePolicy policy) {
        return deletePolicies.contains(policy);
    }

    /**
     * Tells whether a reconcile creates this hook.
     *
     * @return {@code true} for the phases that run ({@link HookPhase#runs()})
     */
    public boolean runs() {
        return phase.runs();
    }

    /**
     * Returns this step with another object (the same hook placed where the target stores it).
     *
     * @param resolved the object, whose key becomes the step's key
     * @return the changed step
     */
    public HookStep withHook(Resource resolved) {
        return new HookStep(phase, resolved.key(), wave, deletePolicies, resolved, note);
    }

    /** Renders as {@code PreSync wave 0 batch/Job/shop/before-<generated>}; never shows values. */
    @Override
    public String toString() {
        return phase + " wave " + wave + " " + key;
    }
}
