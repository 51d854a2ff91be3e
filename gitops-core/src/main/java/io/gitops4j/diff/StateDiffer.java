package io.gitops4j.diff;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;

/**
 * Compares desired with live state.
 *
 * <p>The contract: deterministic (the same inputs give an equal diff); three-way (a field counts when desired
 * declares it, or when {@link LiveResource#lastApplied()} declared it and desired no longer does); fields only
 * the server or other managers set are not drift; sensitive values are redacted in every
 * {@link FieldChange}. Implementations are thread-safe.
 */
public interface StateDiffer {

    /**
     * Diffs a whole state. Every desired key gets a diff; every live key that is not desired gets a
     * {@link ChangeType#DELETE} diff (the caller asks the target only about keys it owns, so those are prunable).
     *
     * @param desired the desired state
     * @param live the live objects of the desired keys and of the owned keys
     * @return one diff per key of either side
     */
    StateDiff diff(DesiredState desired, LiveState live);

    /**
     * Diffs one resource.
     *
     * @param key the resource
     * @param desired the desired resource, or {@code null} when no longer declared
     * @param live the live object, or {@code null} when it does not exist
     * @return the diff
     * @throws IllegalArgumentException when both are {@code null}
     */
    ResourceDiff diff(ResourceKey key, Resource desired, LiveResource live);
}
