package io.gitops4j.target;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.ResourceKey;

/**
 * The result of deleting one resource.
 *
 * @param key the resource
 * @param outcome deleted or not found
 */
public record DeleteResult(ResourceKey key, DeleteOutcome outcome) {

    /** Validates the components. */
    public DeleteResult {
        requireNonNull(key, "key is null");
        requireNonNull(outcome, "outcome is null");
    }
}
