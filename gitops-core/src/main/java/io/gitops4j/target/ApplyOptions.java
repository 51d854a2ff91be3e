package io.gitops4j.target;

import io.gitops4j.ConflictException;
import io.gitops4j.ImmutableFieldException;

/**
 * How one resource is applied. The engine sets the last four from the object's and the application's sync
 * options; a target that does not support one of them applies as if it were off and says so in its Javadoc.
 *
 * @param dryRun compute and validate the result without storing it (a Kubernetes target uses server dry-run)
 * @param force take ownership of fields other managers own (Kubernetes {@code force=true}) instead of failing
 *     with a {@link ConflictException}
 * @param replace store the object as declared, replacing it whole (Kubernetes {@code PUT}, a create when it is
 *     missing) instead of applying the declared fields (sync option {@code Replace=true})
 * @param recreate when the target refuses the change with an {@link ImmutableFieldException}, delete the object
 *     and create it again (sync option {@code Force=true}, Flux {@code kustomize.toolkit.fluxcd.io/force: enabled})
 * @param validate have the target validate the fields (unknown fields fail the apply); off drops them instead
 *     (sync option {@code Validate=false}, Kubernetes {@code fieldValidation=Ignore})
 * @param merge keep the values of fields other managers own when they conflict with the declared ones, instead of
 *     taking them over (Flux {@code kustomize.toolkit.fluxcd.io/ssa: Merge})
 */
public record ApplyOptions(boolean dryRun, boolean force, boolean replace, boolean recreate, boolean validate,
        boolean merge) {

    /** Applies for real, without forcing conflicts, validating, in place. */
    public static final ApplyOptions DEFAULT = new ApplyOptions(false, false);

    /**
     * Creates options that apply in place, validating, with the given dry run and force.
     *
     * @param dryRun whether to dry-run
     * @param force whether to take over conflicting fields
     */
    public ApplyOptions(boolean dryRun, boolean force) {
        this(dryRun, force, false, false, true, false);
    }

    /**
     * Returns these options as a dry run.
     *
     * @param value whether to dry-run
     * @return the changed options
     */
    public ApplyOptions withDryRun(boolean value) {
        return new ApplyOptions(value, force, replace, recreate, validate, merge);
    }

    /**
     * Returns these options with forcing set.
     *
     * @param value whether to force conflicts
     * @return the changed options
     */
    public ApplyOptions withForce(boolean value) {
        return new ApplyOptions(dryRun, value, replace, recreate, validate, merge);
    }

    /**
     * Returns these options with replacing set.
     *
     * @param value whether to replace the object whole
     * @return the changed options
     */
    public ApplyOptions withReplace(boolean value) {
        return new ApplyOptions(dryRun, force, value, recreate, validate, merge);
    }

    /**
     * Returns these options with recreating on an immutable field set.
     *
     * @param value whether to delete and create again when a field is immutable
     * @return the changed options
     */
    public ApplyOptions withRecreate(boolean value) {
        return new ApplyOptions(dryRun, force, replace, value, validate, merge);
    }

    /**
     * Returns these options with validation set.
     *
     * @param value whether the target validates the fields
     * @return the changed options
     */
    public ApplyOptions withValidate(boolean value) {
        return new ApplyOptions(dryRun, force, replace, recreate, value, merge);
    }

    /**
     * Returns these options with merging set.
     *
     * @param value whether fields other managers own keep their values
     * @return the changed options
     */
    public ApplyOptions withMerge(boolean value) {
        return new ApplyOptions(dryRun, force, replace, recreate, validate, value);
    }
}
