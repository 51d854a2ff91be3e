package io.gitops4j.plan;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.model.ResourceKey;

/**
 * One step of a {@link Plan}: what happens to one resource, in which wave, and why (its {@link ResourceDiff}).
 *
 * <p>Steps of {@link Plan#steps()} are {@link ChangeType#CREATE}, {@link ChangeType#UPDATE} or
 * {@link ChangeType#DELETE}; {@link Plan#unchanged()} holds {@link ChangeType#NONE} entries so that a forced run
 * can re-apply them in plan order. The wave of a delete comes from the live object's annotations, every other
 * wave from the desired object's. Immutable and thread-safe.
 *
 * @param action what happens; equal to the diff's type
 * @param key the resource; equal to the diff's key
 * @param wave the wave the step runs in
 * @param diff the field-level difference (values of sensitive resources redacted)
 */
public record PlanStep(ChangeType action, ResourceKey key, int wave, ResourceDiff diff) {

    /** Validates that the action and key agree with the diff. */
    public PlanStep {
        requireNonNull(action, "action is null");
        requireNonNull(key, "key is null");
        requireNonNull(diff, "diff is null");
        if (action != diff.type() || !key.equals(diff.key())) {
            throw new IllegalArgumentException("step " + action + " " + key + " does not match its diff " + diff);
        }
    }

    /**
     * Tells whether this step deletes.
     *
     * @return {@code true} for {@link ChangeType#DELETE}
     */
    public boolean isDelete() {
        return action == ChangeType.DELETE;
    }

    /** Renders as {@code CREATE apps/Deployment/shop/web (wave 0)}; never shows values. */
    @Override
    public String toString() {
        return action + " " + key + " (wave " + wave + ")";
    }
}
