package io.gitops4j.samples.cli;

import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.samples.render.ResultJson;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gitops4j watch}: the continuous loop. Reconciles every interval, prints one line per run (one JSON
 * document per line with {@code -o json}), and on Ctrl-C finishes the current run, closes everything and exits 0.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Reconcile continuously: every --interval, correcting drift. Ctrl-C stops cleanly.",
            "Prints one line per run (JSON Lines with -o json)."})
final class WatchCommand extends SessionCommand {
    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Time between runs, ISO-8601 (default: ${DEFAULT-VALUE}).")
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
        int failures = 0;
        try (Session session = open()) {
            if (!app.json()) {
                out().println("Watching " + session.source().describe() + " -> " + session.target().description()
                        + " every " + interval + " (Ctrl-C to stop)");
                out().flush();
            }
            ReconcileOptions options = run.toOptions().build();
            for (int done = 1; runs == 0 || done <= runs; done++) {
                ReconcileResult result = session.engine().reconcile(options);
                failures += result.succeeded() ? 0 : 1;
                print(result);
                if ((runs != 0 && done == runs) || stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
        return runs != 0 && failures > 0 ? ExitCodes.ERROR : ExitCodes.OK;
    }

    private void print(ReconcileResult result) {
        if (app.json()) {
            out().println(ResultJson.compact(ResultJson.of(result)));
        } else {
            out().println(result.finished() + " " + result.outcome() + " revision "
                    + result.revision().map(r -> r.shortId()).orElse("(none)") + " " + result.plan().summary()
                    + result.error().map(e -> " error: " + e).orElse(""));
        }
        out().flush();
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
            // the JVM is already shutting down (Ctrl-C): the hook is running and waits for us
            return;
        }
    }
}
