package io.gitops4j.reconcile;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.HookPhase;
import java.time.Duration;

/**
 * What happened to one hook in a run.
 *
 * @param phase the phase it ran (or was not run) in
 * @param key the hook's stable key, as in the plan ({@code batch/Job/shop/before-<generated>} for a generated name)
 * @param name the name of the object created, the generated one for a hook with {@code metadata.generateName};
 *     {@code ""} when nothing was created
 * @param status what happened
 * @param message why it failed or was skipped, a warning, or {@code ""}; never contains secret values
 * @param duration from creating the object to its completion; {@link Duration#ZERO} when none was created
 */
public record HookResult(HookPhase phase, ResourceKey key, String name, Status status, String message,
        Duration duration) {

    /** What happened to one hook. */
    public enum Status {
        /** The object was created and completed (a Job complete, a Pod succeeded, any other kind created). */
        SUCCEEDED,
        /** The object could not be created or replaced, failed, vanished, or did not complete in time. */
        FAILED,
        /** Not run: a dry run, an earlier failure, a phase that does not run ({@code Skip}, {@code PostDelete}). */
        SKIPPED
    }

    /** Validates the components. */
    public HookResult {
        requireNonNull(phase, "phase is null");
        requireNonNull(key, "key is null");
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
        requireNonNull(duration, "duration is null");
    }

    static HookResult skipped(HookPhase phase, ResourceKey key, String reason) {
        return new HookResult(phase, key, "", Status.SKIPPED, reason, Duration.ZERO);
    }

    /**
     * Tells whether this hook failed.
     *
     * @return {@code true} for {@link Status#FAILED}
     */
    public boolean isFailed() {
        return status == Status.FAILED;
    }

    /** Renders as {@code SUCCEEDED PreSync batch/Job/shop/before-<generated> (before-x7k2p)} plus the message. */
    @Override
    public String toString() {
        return status + " " + phase + " " + key + (name.isEmpty() ? "" : " (" + name + ")")
                + (message.isEmpty() ? "" : ": " + message);
    }
}
