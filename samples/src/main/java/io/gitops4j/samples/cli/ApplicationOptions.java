package io.gitops4j.samples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which application a command works on, where its history is kept, and how results are printed. */
public final class ApplicationOptions {
    @Option(names = "--app", paramLabel = "NAME", defaultValue = "gitops4j",
            description = "Application name: names the inventory and the tracking ids (default: ${DEFAULT-VALUE}).")
    String application;

    @Option(names = "--history-file", paramLabel = "FILE",
            description = "JSON Lines history of apply and rollback runs (default: .gitops4j/history.jsonl).")
    Path historyFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: one JSON document on stdout.")
    OutputFormat output;

    /** Creates the options with their defaults (picocli fills them in). */
    public ApplicationOptions() {
    }

    RunHistory history() {
        return new RunHistory(historyFile != null ? historyFile : Path.of(".gitops4j", "history.jsonl"));
    }

    boolean json() {
        return output == OutputFormat.JSON;
    }
}
