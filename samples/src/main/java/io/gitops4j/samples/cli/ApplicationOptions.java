package io.gitops4j.samples.cli;

import picocli.CommandLine.Option;

/** Which application a command works on and how results are printed. */
public final class ApplicationOptions {
    @Option(names = "--app", paramLabel = "NAME", defaultValue = "gitops4j",
            description = "Application name: names the inventory and the tracking ids (default: ${DEFAULT-VALUE}).")
    String application;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: one JSON document on stdout.")
    OutputFormat output;

    /** Creates the options with their defaults (picocli fills them in). */
    public ApplicationOptions() {
    }

    boolean json() {
        return output == OutputFormat.JSON;
    }
}
