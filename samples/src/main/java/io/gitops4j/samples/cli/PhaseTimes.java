package io.gitops4j.samples.cli;

import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When the phases of one command ended, in milliseconds since the tool's {@code main} began, for finding where a
 * short run's time goes: with {@code GITOPS4J_TIMING} set, a command prints one line on stderr before it exits, such
 * as {@code timing: target 180 ms, started 185, loaded 330, planned 420, first step 430, finished 1100, done 1150}.
 * Marks are kept in the order they are made; a mark's name appears once (the first time). Without the variable
 * nothing is recorded or printed. Thread-safe: listener events arrive from the engine's threads.
 */
final class PhaseTimes implements ReconcileListener {
    /** The environment variable that turns the timing line on. */
    static final String VARIABLE = "GITOPS4J_TIMING";

    private final long origin;
    private final boolean enabled;
    private final List<String> marks = new ArrayList<>();
    private final AtomicBoolean firstStep = new AtomicBoolean();

    /**
     * Creates the clock of one command.
     *
     * @param origin the {@link System#nanoTime()} of the tool's start
     * @param enabled whether to record and print
     */
    PhaseTimes(long origin, boolean enabled) {
        this.origin = origin;
        this.enabled = enabled;
    }

    /**
     * Records that a phase ended now.
     *
     * @param phase a short name
     */
    void mark(String phase) {
        if (!enabled) {
            return;
        }
        long millis = (System.nanoTime() - origin) / 1_000_000;
        synchronized (marks) {
            if (marks.stream().noneMatch(m -> m.startsWith(phase + " "))) {
                marks.add(phase + " " + millis);
            }
        }
    }

    /**
     * Prints the marks as one line, when enabled and any were made.
     *
     * @param err where to print
     */
    void print(PrintWriter err) {
        if (!enabled) {
            return;
        }
        mark("done");
        synchronized (marks) {
            err.println("timing: " + String.join(", ", marks) + " ms since main");
        }
        err.flush();
    }

    @Override
    public void started(String application, ReconcileOptions options) {
        mark("started");
    }

    @Override
    public void loaded(String application, Revision revision, int resources) {
        mark("loaded");
    }

    @Override
    public void planned(String application, Plan plan) {
        mark("planned");
    }

    @Override
    public void stepApplied(String application, StepResult step) {
        if (firstStep.compareAndSet(false, true)) {
            mark("first step");
        }
    }

    @Override
    public void finished(ReconcileResult result) {
        mark("finished");
    }
}
