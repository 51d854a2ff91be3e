package io.gitops4j.model;

import static java.util.Objects.requireNonNull;

/**
 * Where a resource came from, for error messages: a file path inside the source, the zero-based document index
 * in that file, and the one-based line the document starts on.
 *
 * @param path the file path inside the source (e.g. {@code apps/web/deployment.yaml}); {@code ""} when unknown
 * @param documentIndex zero-based index of the document within the file; {@code -1} when unknown
 * @param line one-based line of the document's start; {@code -1} when unknown
 */
public record Provenance(String path, int documentIndex, int line) {

    /** Provenance of a resource built in code or observed live. */
    public static final Provenance UNKNOWN = new Provenance("", -1, -1);

    /** Validates the path. */
    public Provenance {
        requireNonNull(path, "path is null");
    }

    /**
     * Returns the provenance of a document in a file.
     *
     * @param path the file path inside the source
     * @param documentIndex zero-based document index
     * @param line one-based start line, or {@code -1}
     * @return the provenance
     */
    public static Provenance of(String path, int documentIndex, int line) {
        return new Provenance(path, documentIndex, line);
    }

    /**
     * Tells whether this provenance names a file.
     *
     * @return {@code true} when the path is known
     */
    public boolean isKnown() {
        return !path.isEmpty();
    }

    /** Renders as {@code path (document n, line m)}, or {@code <unknown>}. */
    @Override
    public String toString() {
        if (!isKnown()) {
            return "<unknown>";
        }
        StringBuilder text = new StringBuilder(path);
        if (documentIndex >= 0 || line > 0) {
            text.append(" (");
            if (documentIndex >= 0) {
                text.append("document ").append(documentIndex + 1);
            }
            if (line > 0) {
                text.append(documentIndex >= 0 ? ", " : "").append("line ").append(line);
            }
            text.append(')');
        }
        return text.toString();
    }
}
