package io.gitops4j.samples.render;

import static java.util.Objects.requireNonNull;

/**
 * An error that a plan foresees or a run hit: a resource that cannot be prepared, an object another application
 * owns, a prune the safety limit refuses, a run that cannot go on.
 *
 * @param key the resource key as text, {@code ""} for an error of the whole run
 * @param action the step's action ({@code CREATE}, {@code UPDATE}, {@code DELETE}, ...), {@code ""} for the run
 * @param message what is wrong and what to do; never a secret value
 */
public record PlanError(String key, String action, String message) {

    /** Validates. */
    public PlanError {
        requireNonNull(key, "key is null");
        requireNonNull(action, "action is null");
        requireNonNull(message, "message is null");
    }

    /**
     * Returns an error of the whole run.
     *
     * @param message what is wrong
     * @return the error
     */
    public static PlanError ofRun(String message) {
        return new PlanError("", "", message);
    }

    /**
     * Returns the error as one line: {@code key: message}, the key once.
     *
     * @return the line
     */
    public String line() {
        return key.isEmpty() || message.startsWith(key + ": ") ? message : key + ": " + message;
    }
}
