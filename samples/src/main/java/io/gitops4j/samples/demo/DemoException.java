package io.gitops4j.samples.demo;

import io.gitops4j.GitOpsException;

/** A demo step did not end as the demo expects; the message names the step and what went wrong. */
public final class DemoException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which step failed, why, and what to try
     */
    public DemoException(String message) {
        super(message);
    }
}
