package io.gitops4j.target;

/** What one apply did to the target. */
public enum ApplyOutcome {
    /** The object did not exist and was created. */
    CREATED,
    /** The object existed and changed. */
    CONFIGURED,
    /** The object existed and the apply changed nothing. */
    UNCHANGED
}
