package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.Drift;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.loop.HistoryEntry;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.samples.render.ResultJson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gitops4j watch}: the continuous loop, a {@link GitOpsController} with self-heal. Prints one line per run
 * and per drift (one JSON document per line with {@code -o json}); every run is recorded on the target by the
 * engine. On Ctrl-C it lets the current run finish, closes everything and exits 0.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Reconcile continuously: every --interval, correcting drift (self-heal). Ctrl-C stops cleanly.",
            "Prints one line per run (JSON Lines with -o json). Exit code: 0 stopped, 1 error."})
final class WatchCommand extends SessionCommand {
    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s",
            description = "Time between runs: 30s, 5m, 1h or ISO-8601 PT30S (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "0",
            description = "Stop after N runs (default: 0, run until stopped).")
    int runs;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped);
        }, "gitops4j-watch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicInteger failures = new AtomicInteger();
        try (Session session = open();
             GitOpsController controller = GitOpsController.builder().workers(1)
                     .listener(new Printer(stop, failures)).build()) {
            if (!app.json()) {
                out().println("Watching " + session.source().describe() + " -> " + session.target().description()
                        + " every " + interval + ", self-heal on (Ctrl-C to stop)");
                out().flush();
            }
            controller.add(Application.builder().name(session.application()).source(session.source())
                    .target(session.target().target()).interval(interval).selfHeal(true)
                    .reconcileOptions(run.toOptions().build())
                    .build());
            stop.await();
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
        return runs != 0 && failures.get() > 0 ? ExitCodes.ERROR : ExitCodes.OK;
    }

    /** Prints runs and drift as they happen, records runs, and stops after {@code --runs}. */
    private final class Printer implements ControllerListener {
        private final CountDownLatch stop;
        private final AtomicInteger failures;
        private final AtomicInteger finished = new AtomicInteger();

        Printer(CountDownLatch stop, AtomicInteger failures) {
            this.stop = stop;
            this.failures = failures;
        }

        @Override
        public synchronized void runFinished(String application, HistoryEntry entry) {
            boolean failed = entry.outcome() == ReconcileResult.Outcome.FAILED;
            if (failed) {
                failures.incrementAndGet();
            }
            String summary = "applied " + entry.applied() + ", deleted " + entry.deleted() + ", failed "
                    + entry.failed() + ", drifted " + entry.drifted();
            if (app.json()) {
                out().println(ResultJson.compact(new ObjectMapper().createObjectNode()
                        .put("application", application).put("revision", entry.revision())
                        .put("reason", entry.reason().name()).put("outcome", entry.outcome().name())
                        .put("started", entry.started().toString()).put("finished", entry.finished().toString())
                        .put("applied", entry.applied()).put("deleted", entry.deleted()).put("failed", entry.failed())
                        .put("drifted", entry.drifted()).put("error", entry.error())));
            } else {
                out().println(entry.finished() + " " + entry.reason() + " " + entry.outcome() + " revision "
                        + shortId(entry.revision()) + ": " + summary
                        + (entry.error().isEmpty() ? "" : "; error: " + entry.error()));
            }
            out().flush();
            if (runs != 0 && finished.incrementAndGet() >= runs) {
                stop.countDown();
            }
        }

        @Override
        public synchronized void driftDetected(String application, Revision revision, List<Drift> drift,
                boolean corrected) {
            if (!app.json()) {
                out().println("  drift at " + revision.shortId() + (corrected ? " (corrected)" : " (reported)")
                        + ": " + drift);
                out().flush();
            }
        }
    }

    private static String shortId(String revision) {
        return revision.length() > 12 ? revision.substring(0, 12) : revision.isEmpty() ? "(none)" : revision;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (Ctrl-C): the hook is running and waits for this command to finish
            return;
        }
    }
}
