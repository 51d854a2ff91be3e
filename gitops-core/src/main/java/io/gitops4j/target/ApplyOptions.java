package io.gitops4j.target;

import io.gitops4j.ConflictException;

/**
 * How one resource is applied.
 *
 * @param dryRun compute and validate the result without storing it (a Kubernetes target uses server dry-run)
 * @param force take ownership of fields other managers own (Kubernetes {@code force=true}) instead of failing
 *     with a {@link ConflictException}
 */
public record ApplyOptions(boolean dryRun, boolean force) {

    /** Applies for real, without forcing conflicts. */
    public static final ApplyOptions DEFAULT = new ApplyOptions(false, false);

    /**
     * Returns these options as a dry run.
     *
     * @param value whether to dry-run
     * @return the changed options
     */
    public ApplyOptions withDryRun(boolean value) {
        return new ApplyOptions(value, force);
    }

    /**
     * Returns these options with forcing set.
     *
     * @param value whether to force conflicts
     * @return the changed options
     */
    public ApplyOptions withForce(boolean value) {
        return new ApplyOptions(dryRun, value);
    }
}
