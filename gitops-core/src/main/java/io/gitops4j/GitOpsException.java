package io.gitops4j;

/**
 * Root of every exception gitops4j throws.
 *
 * <p>The hierarchy is small and stable: {@code SourceException} (desired state could not be loaded; its
 * subclass {@code ManifestException} names the file, document and line), {@code TargetException} (the target
 * refused or failed an operation on a named resource; its subclass {@code ConflictException} names the other
 * owner). Messages say what went wrong, where, and what to do, and never contain secret values.
 *
 * <p>All gitops4j exceptions are unchecked so that they compose with lambdas and executors; every method that
 * can throw one says so in its Javadoc.
 */
public abstract class GitOpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, where, and what to do; never contains secrets
     */
    protected GitOpsException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and its cause.
     *
     * @param message what went wrong, where, and what to do; never contains secrets
     * @param cause the underlying failure, may be {@code null}
     */
    protected GitOpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
