package io.gitops4j;

import io.gitops4j.model.ResourceKey;
import java.util.Optional;

/**
 * A target refused or failed an operation. The message names the resource (when there is one), what was
 * attempted, and what to do; it never contains secret values.
 */
public class TargetException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    private final transient ResourceKey key;

    /**
     * Creates an exception about one resource.
     *
     * @param key the resource, or {@code null} for failures not tied to one
     * @param message what failed and what to do
     */
    public TargetException(ResourceKey key, String message) {
        super(format(key, message));
        this.key = key;
    }

    /**
     * Creates an exception about one resource, with its cause.
     *
     * @param key the resource, or {@code null} for failures not tied to one
     * @param message what failed and what to do
     * @param cause the underlying failure
     */
    public TargetException(ResourceKey key, String message, Throwable cause) {
        super(format(key, message), cause);
        this.key = key;
    }

    private static String format(ResourceKey key, String message) {
        return key == null ? message : key + ": " + message;
    }

    /**
     * Returns the resource the failure is about.
     *
     * @return the key, or empty when the failure is not tied to one resource
     */
    public Optional<ResourceKey> key() {
        return Optional.ofNullable(key);
    }
}
