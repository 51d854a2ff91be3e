package io.gitops4j.target;

/** What one delete did. */
public enum DeleteOutcome {
    /** The object existed and was deleted (or deletion started, held by finalizers). */
    DELETED,
    /** The object did not exist; nothing was done. */
    NOT_FOUND
}
