package io.gitops4j.reconcile;

import static java.util.Objects.requireNonNull;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.model.ResourceKey;
import java.time.Duration;

/**
 * What happened to one resource in a run.
 *
 * @param key the resource
 * @param action the planned action; {@link ChangeType#NONE} for an in-sync resource re-applied by force, or for a
 *     resource that failed before it could be planned (an unknown kind)
 * @param status what happened
 * @param message the reason for {@link Status#SKIPPED} and the error for {@link Status#FAILED}, or a note
 *     ({@code "dry run"}); {@code ""} when there is nothing to say; never contains secret values
 * @param duration how long the target call took; {@link Duration#ZERO} when none was made
 */
public record StepResult(ResourceKey key, ChangeType action, Status status, String message, Duration duration) {

    /** What happened to one resource, in no particular rank. */
    public enum Status {
        /** The target applied the resource and changed it (or would have, in a dry run). */
        APPLIED,
        /** The target applied the resource and reported no change. */
        UNCHANGED,
        /** The target deleted the resource (or would have, in a dry run, or it was already gone). */
        DELETED,
        /** The target call failed; the message says why. */
        FAILED,
        /** No target call was made; the message says why and what to do. */
        SKIPPED
    }

    /** Validates the components. */
    public StepResult {
        requireNonNull(key, "key is null");
        requireNonNull(action, "action is null");
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
        requireNonNull(duration, "duration is null");
    }

    static StepResult skipped(ResourceKey key, ChangeType action, String reason) {
        return new StepResult(key, action, Status.SKIPPED, reason, Duration.ZERO);
    }

    /**
     * Tells whether this step failed.
     *
     * @return {@code true} for {@link Status#FAILED}
     */
    public boolean isFailed() {
        return status == Status.FAILED;
    }

    /** Renders as {@code APPLIED CREATE ConfigMap/shop/a} plus the message when there is one. */
    @Override
    public String toString() {
        return status + " " + action + " " + key + (message.isEmpty() ? "" : ": " + message);
    }
}
