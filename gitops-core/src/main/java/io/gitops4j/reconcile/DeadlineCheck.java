package io.gitops4j.reconcile;

/**
 * The answer of one deadline check at a step boundary: still open, or passed, with the step the run stopped at
 * (the first step found past the deadline; every later check repeats it) and the run-level message.
 *
 * @param passed whether the run must stop
 * @param stoppedAt the step the run stopped at, or {@code ""} while open
 * @param message the run-level message, or {@code ""} while open
 * @param skipReason the reason to record on a step skipped for the deadline, or {@code ""} while open
 */
record DeadlineCheck(boolean passed, String stoppedAt, String message, String skipReason) {
    /** The answer while the deadline is ahead. */
    static final DeadlineCheck OPEN = new DeadlineCheck(false, "", "", "");

    /** Returns the outcome of a run stopped by this check. */
    RunOutcome.TimedOut outcome() {
        return new RunOutcome.TimedOut(stoppedAt, message);
    }
}
