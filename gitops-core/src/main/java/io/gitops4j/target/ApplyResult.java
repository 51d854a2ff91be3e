package io.gitops4j.target;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;

/**
 * The result of applying one resource.
 *
 * @param key the resource
 * @param outcome created, configured or unchanged
 * @param live the object as the target holds it after the apply (for a dry run: as it would hold it)
 */
public record ApplyResult(ResourceKey key, ApplyOutcome outcome, Resource live) {

    /** Validates the components. */
    public ApplyResult {
        requireNonNull(key, "key is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(live, "live is null");
    }
}
