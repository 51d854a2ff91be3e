package io.gitops4j.diff;

/** What must happen to one resource to make live match desired. */
public enum ChangeType {
    /** Declared but not live: create it. */
    CREATE,
    /** Declared and live, with declared fields that differ: update it. */
    UPDATE,
    /** Live and owned, but no longer declared: delete it (prune). */
    DELETE,
    /** Declared and live, in sync. */
    NONE
}
