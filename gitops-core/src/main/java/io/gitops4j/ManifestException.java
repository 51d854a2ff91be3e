package io.gitops4j;

import io.gitops4j.model.Provenance;

/**
 * A manifest cannot be loaded: invalid YAML or JSON, a missing required field, a duplicate resource, a document
 * over the size limit. The message starts with the file, document and line, e.g.
 * {@code apps/web.yaml (document 2, line 14): missing required field 'metadata.name'}.
 */
public class ManifestException extends SourceException {
    private static final long serialVersionUID = 1L;

    private final Provenance provenance;

    /**
     * Creates the exception.
     *
     * @param provenance the file, document and line
     * @param message what is wrong and how to fix it
     */
    public ManifestException(Provenance provenance, String message) {
        super(provenance + ": " + message);
        this.provenance = provenance;
    }

    /**
     * Creates the exception with its cause.
     *
     * @param provenance the file, document and line
     * @param message what is wrong and how to fix it
     * @param cause the parser's failure
     */
    public ManifestException(Provenance provenance, String message, Throwable cause) {
        super(provenance + ": " + message, cause);
        this.provenance = provenance;
    }

    /**
     * Returns where the problem is.
     *
     * @return the file, document index and line
     */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Returns the file path.
     *
     * @return the path inside the source
     */
    public String path() {
        return provenance.path();
    }

    /**
     * Returns the one-based line of the problem.
     *
     * @return the line, or {@code -1} when unknown
     */
    public int line() {
        return provenance.line();
    }
}
