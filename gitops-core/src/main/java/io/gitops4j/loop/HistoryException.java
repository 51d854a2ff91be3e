package io.gitops4j.loop;

import io.gitops4j.GitOpsException;

/**
 * A history file ({@link HistoryFile}) could not be read or appended to; the message names the file and says what to
 * check.
 */
public class HistoryException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, on which file, and what to do
     * @param cause the underlying failure
     */
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
