package io.gitops4j.target;

import static java.util.Objects.requireNonNull;

/**
 * How one resource is deleted.
 *
 * @param dryRun validate the deletion without performing it
 * @param propagation what happens to dependents
 */
public record DeleteOptions(boolean dryRun, PropagationPolicy propagation) {

    /** Deletes for real with background propagation. */
    public static final DeleteOptions DEFAULT = new DeleteOptions(false, PropagationPolicy.BACKGROUND);

    /** Validates the components. */
    public DeleteOptions {
        requireNonNull(propagation, "propagation is null");
    }

    /**
     * Returns these options as a dry run.
     *
     * @param value whether to dry-run
     * @return the changed options
     */
    public DeleteOptions withDryRun(boolean value) {
        return new DeleteOptions(value, propagation);
    }

    /**
     * Returns these options with another propagation.
     *
     * @param value what happens to dependents
     * @return the changed options
     */
    public DeleteOptions withPropagation(PropagationPolicy value) {
        return new DeleteOptions(dryRun, value);
    }
}
