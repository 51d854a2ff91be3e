package io.gitops4j.loop;

/** Why the controller ran an application. */
public enum RunReason {
    /** The application was added (or resumed). */
    START,
    /** Its interval elapsed. */
    INTERVAL,
    /** A run of another application on the same repository saw a new revision. */
    NEW_REVISION,
    /** {@link GitOpsController#trigger(String)} was called, e.g. by a webhook. */
    TRIGGER,
    /** A retry after a failed run, after the back-off delay. */
    RETRY,
    /** {@link GitOpsController#rollback} pinned an earlier revision. */
    ROLLBACK,
    /** {@link GitOpsController#unpin(String)} resumed tracking the latest revision. */
    UNPIN,
    /** A dependency it was waiting for became ready (see {@link Application#dependsOn()}). */
    DEPENDENCY_READY,
    /** This replica became the owner of the application in a fleet (see {@link GitOpsController.Builder#cluster}). */
    OWNERSHIP,
    /** The sync window that blocked its last run closed (see {@link GitOpsController.Builder#syncWindows}). */
    WINDOW_OPEN
}
