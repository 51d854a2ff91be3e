package io.gitops4j.k8s;

/**
 * The reasons of the Kubernetes Events {@link KubernetesEvents} writes, each {@code Normal} or {@code Warning},
 * as {@code kubectl describe} and {@code kubectl events} show them.
 */
public enum EventReason {
    /** Normal, on the object: the target created or updated it. */
    APPLIED("Applied", false),
    /** Normal, on the object: it was deleted because its application no longer declares it. */
    PRUNED("Pruned", false),
    /** Normal, on the inventory ConfigMap: the application is in sync with a revision; once per revision. */
    IN_SYNC("InSync", false),
    /** Warning, on the object (or the inventory ConfigMap when the object's kind or namespace is missing). */
    APPLY_FAILED("ApplyFailed", true),
    /** Warning, on the object: deleting it as no longer declared failed. */
    PRUNE_FAILED("PruneFailed", true),
    /** Warning, on the inventory ConfigMap: a run passed its deadline. */
    TIMED_OUT("TimedOut", true),
    /** Warning, on the object: its live state drifted from the revision already applied. */
    DRIFT_DETECTED("DriftDetected", true);

    private final String reason;
    private final boolean warning;

    EventReason(String reason, boolean warning) {
        this.reason = reason;
        this.warning = warning;
    }

    /**
     * Returns the Event's {@code reason}.
     *
     * @return e.g. {@code "ApplyFailed"}
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns the Event's {@code type}.
     *
     * @return {@code "Warning"} or {@code "Normal"}
     */
    public String type() {
        return warning ? "Warning" : "Normal";
    }
}
