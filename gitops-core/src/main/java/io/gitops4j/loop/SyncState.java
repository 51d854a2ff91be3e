package io.gitops4j.loop;

/** Whether the live state of an application matches the revision it should run. */
public enum SyncState {
    /** The last run found (or made) live state match the desired revision. */
    SYNCED,
    /** The last run found differences it did not correct: drift with self-heal off, a dry run, or a failure. */
    OUT_OF_SYNC,
    /** Not known: no run finished yet, or the source could not be read. */
    UNKNOWN
}
