package io.gitops4j.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline of one run, checked on the engine's clock at each step boundary. The first check past it fixes the
 * step the run stopped at; every later check answers that same {@link DeadlineCheck} at once. Records nothing
 * anywhere: the run reads {@link #passed()} to assemble its result. Thread-safe (the applies of one stage may check it at once); one per run.
 */
final class RunDeadline {
    private static final Logger LOG = LoggerFactory.getLogger(RunDeadline.class);

    private final Clock clock;
    private final Duration budget;
    private final Instant end;
    private DeadlineCheck passed;

    RunDeadline(Clock clock, Instant start, Duration budget) {
        this.clock = clock;
        this.budget = budget;
        this.end = start.plus(budget);
    }

    /**
     * Checks whether the run must stop at {@code step}.
     *
     * @param step what the run is about to do or is doing, e.g. {@code "applying ConfigMap/shop/a"}
     * @return {@link DeadlineCheck#OPEN}, or the check that first found the deadline passed
     */
    synchronized DeadlineCheck check(String step) {
        if (passed != null) {
            return passed;
        }
        if (clock.instant().isBefore(end)) {
            return DeadlineCheck.OPEN;
        }
        String message = "the run passed its deadline of " + budget + " at: " + step + "; it stopped there, the "
                + "remaining steps were skipped and nothing more was pruned; the next run continues (raise "
                + "ReconcileOptions.deadline if a run needs longer)";
        LOG.warn("{}", message);
        passed = new DeadlineCheck(true, step, message,
                "not run: the run passed its deadline of " + budget + " at: " + step);
        return passed;
    }

    /** Returns how long is left before the deadline; zero when passed. */
    Duration left() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Returns the check that found the deadline passed, if one did. */
    synchronized Optional<DeadlineCheck> passed() {
        return Optional.ofNullable(passed);
    }
}
