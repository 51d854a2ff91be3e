package io.gitops4j;

/**
 * Desired state could not be loaded: the source is unreachable, a revision does not exist or cannot be verified,
 * or a manifest is invalid ({@link io.gitops4j.ManifestException}).
 *
 * <p>When a source throws, nothing was loaded; an engine never prunes after it.
 */
public class SourceException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, where, and what to do; never contains credentials
     */
    public SourceException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, where, and what to do; never contains credentials
     * @param cause the underlying failure
     */
    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
