package io.gitops4j.samples.cli;

import io.gitops4j.reconcile.ReconcileOptions;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How {@code apply}, {@code rollback} and {@code watch} reconcile: prune, dry run, force, health wait. */
public final class RunOptions {
    @Mixin
    ChangeOptions change;

    @Option(names = "--dry-run", description = "Validate every change on the target (server-side) and store nothing.")
    boolean dryRun;

    @Option(names = "--wait", description = "Wait until applied resources are healthy; exit 1 if they are not in time.")
    boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long --wait waits: 30s, 5m, 1h30m or ISO-8601 PT5M (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** Creates the options with their defaults (picocli fills them in). */
    public RunOptions() {
    }

    ReconcileOptions.Builder toOptions() {
        return change.toOptions().dryRun(dryRun).healthTimeout(await ? timeout : Duration.ZERO);
    }
}
