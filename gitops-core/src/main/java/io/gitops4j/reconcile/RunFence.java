package io.gitops4j.reconcile;

import java.util.Optional;

/**
 * Asked by a run right before each phase that writes to the target (applying, pruning), so that a run which lost
 * the right to write stops there: a replica that lost its claim on an application to another replica, or a leader
 * that lost its lease. A refused phase ends the run as failed with the reason; nothing of that phase or later ones
 * is written, and nothing is pruned.
 *
 * <p>Implementations must be thread-safe and must not throw: a check that cannot decide refuses.
 */
@FunctionalInterface
public interface RunFence {

    /** Never refuses: the default for an engine that is the only writer of its applications. */
    RunFence NONE = (application, phase) -> Optional.empty();

    /**
     * Checks whether a run of {@code application} may start {@code phase}.
     *
     * @param application the application of the run
     * @param phase what is about to start, e.g. {@code "applying 12 resources"} or {@code "pruning 3 resources"}
     * @return empty to go on, or why the run must stop before that phase
     */
    Optional<String> check(String application, String phase);
}
