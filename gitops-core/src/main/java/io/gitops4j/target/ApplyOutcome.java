package io.gitops4j.target;

/** What one apply did to the target. */
public enum ApplyOutcome {
    /** The object did not exist and was created. */
    CREATED,
    /** The object existed and changed. */
    CONFIGURED,
    /** The object existed and the apply changed nothing. */
    UNCHANGED,
    /**
     * The object existed but could not be changed in place (an immutable field), so it was deleted and created
     * again, as {@link ApplyOptions#recreate()} asks.
     */
    RECREATED
}
