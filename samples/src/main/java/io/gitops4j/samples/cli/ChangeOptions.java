package io.gitops4j.samples.cli;

import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.SyncOptions;
import picocli.CommandLine.Option;

/** What a run may change, shared by {@code plan}, {@code diff} and the commands that apply: prune, force, the
 * prune limits, an empty source, confirmation of {@code Prune=confirm} and the application's sync options. */
public final class ChangeOptions {
    @Option(names = "--prune", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Delete owned resources no longer declared (default: on; --no-prune keeps them).")
    boolean prune;

    @Option(names = "--force", description = "Re-apply every resource and take over fields other managers own.")
    boolean force;

    @Option(names = "--allow-large-prune",
            description = "Allow deleting more than half of what the application owns in one run.")
    boolean allowLargePrune;

    @Option(names = "--allow-empty",
            description = "Let a source that declares nothing prune everything the application owns (refused by"
                    + " default: an empty folder is more often a wrong path than an intent).")
    boolean allowEmpty;

    @Option(names = "--confirm-prune",
            description = "Delete the resources marked Prune=confirm that wait for confirmation.")
    boolean confirmPrune;

    @Option(names = "--sync-options", paramLabel = "LIST",
            description = "The application's sync options, comma-separated, e.g. CreateNamespace=true,PruneLast=true;"
                    + " each resource's sync-options annotation overrides them.")
    String syncOptions = "";

    /** Creates the options with their defaults (picocli fills them in). */
    public ChangeOptions() {
    }

    ReconcileOptions.Builder toOptions() {
        ReconcileOptions.Builder options = ReconcileOptions.builder().prune(prune).force(force)
                .confirmPrune(confirmPrune).syncOptions(SyncOptions.parse(syncOptions));
        if (allowLargePrune) {
            options.allowLargePrune();
        }
        if (allowEmpty) {
            options.allowEmpty();
        }
        return options;
    }
}
