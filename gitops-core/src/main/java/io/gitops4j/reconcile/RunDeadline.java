package io.gitops4j.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline of one run, checked on the engine's clock at each step boundary. The first check past it records
 * the step the run was on and the run-level error; every later check answers "passed" at once. Not thread-safe;
 * one per run.
 */
final class RunDeadline {
    private static final Logger LOG = LoggerFactory.getLogger(RunDeadline.class);

    private final Clock clock;
    private final Duration budget;
    private final Instant end;
    private final ReconcileResult.Builder result;
    private String stoppedAt;

    RunDeadline(Clock clock, Instant start, Duration budget, ReconcileResult.Builder result) {
        this.clock = clock;
        this.budget = budget;
        this.end = start.plus(budget);
        this.result = result;
    }

    /**
     * Tells whether the run must stop at {@code step}; the first time it must, records that it stopped there.
     *
     * @param step what the run was about to do or was doing, e.g. {@code "applying ConfigMap/shop/a"}
     */
    boolean passedAt(String step) {
        if (stoppedAt != null) {
            return true;
        }
        if (clock.instant().isBefore(end)) {
            return false;
        }
        stoppedAt = step;
        String message = "the run passed its deadline of " + budget + " at: " + step + "; it stopped there, the "
                + "remaining steps were skipped and nothing more was pruned; the next run continues (raise "
                + "ReconcileOptions.deadline if a run needs longer)";
        LOG.warn("{}", message);
        result.timedOut(step, message);
        return true;
    }

    /** Returns how long is left before the deadline; zero when passed. */
    Duration left() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Returns the reason recorded on a step skipped because of the deadline. */
    String skipReason() {
        return "not run: the run passed its deadline of " + budget + " at: " + stoppedAt;
    }

    Optional<String> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }
}
