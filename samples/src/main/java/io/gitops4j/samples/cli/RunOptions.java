package io.gitops4j.samples.cli;

import io.gitops4j.reconcile.ReconcileOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How {@code apply}, {@code rollback} and {@code watch} reconcile: prune, dry run, force, health wait. */
public final class RunOptions {
    @Option(names = "--prune", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Delete owned resources no longer declared (default: on; --no-prune keeps them).")
    boolean prune;

    @Option(names = "--dry-run", description = "Validate every change on the target (server-side) and store nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Re-apply every resource and take over fields other managers own.")
    boolean force;

    @Option(names = "--allow-large-prune",
            description = "Allow deleting more than half of what the application owns in one run.")
    boolean allowLargePrune;

    @Option(names = "--wait", description = "Wait until applied resources are healthy; exit 1 if they are not in time.")
    boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "How long --wait waits, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** Creates the options with their defaults (picocli fills them in). */
    public RunOptions() {
    }

    ReconcileOptions.Builder toOptions() {
        ReconcileOptions.Builder options = ReconcileOptions.builder().prune(prune).dryRun(dryRun).force(force)
                .healthTimeout(await ? timeout : Duration.ZERO);
        if (allowLargePrune) {
            options.allowLargePrune();
        }
        return options;
    }
}
