package io.gitops4j.samples.cli;

/** How a command prints its result: text for people (the default) or one JSON document for scripts. */
public enum OutputFormat {
    /** Human-readable text. */
    TEXT,
    /** One JSON document on stdout. */
    JSON
}
