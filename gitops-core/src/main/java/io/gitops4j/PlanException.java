package io.gitops4j;

import io.gitops4j.model.ResourceKey;

/**
 * A plan cannot be made because a resource is invalid for ordering, for example its wave annotation is not an
 * integer. The message names the resource, the annotation and its value, and what to write instead.
 */
public class PlanException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    private final transient ResourceKey key;

    /**
     * Creates the exception.
     *
     * @param key the resource that cannot be planned
     * @param message what is wrong and how to fix it
     */
    public PlanException(ResourceKey key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /**
     * Returns the resource that cannot be planned.
     *
     * @return the key
     */
    public ResourceKey key() {
        return key;
    }
}
