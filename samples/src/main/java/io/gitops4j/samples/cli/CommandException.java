package io.gitops4j.samples.cli;

import io.gitops4j.GitOpsException;

/** A command cannot run as asked; the message says what is wrong and which option fixes it. */
public final class CommandException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to do
     */
    public CommandException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong and what to do
     * @param cause the underlying failure
     */
    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
