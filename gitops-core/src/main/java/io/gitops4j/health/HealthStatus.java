package io.gitops4j.health;

/**
 * How healthy a live object is, ranked from best to worst in declaration order:
 * {@code HEALTHY < SUSPENDED < PROGRESSING < MISSING < DEGRADED < UNKNOWN} (the order Argo CD uses to aggregate
 * an application's health from its resources').
 */
public enum HealthStatus {
    /** Converged and serving. */
    HEALTHY,
    /** Paused on purpose (a suspended CronJob, a paused Deployment). */
    SUSPENDED,
    /** Not yet converged but moving (a rollout in progress). */
    PROGRESSING,
    /** Declared but not present. */
    MISSING,
    /** Failed, or stuck past its deadline. */
    DEGRADED,
    /** Health cannot be assessed. */
    UNKNOWN;

    /**
     * Tells whether this status is worse than another.
     *
     * @param other the status to compare with
     * @return {@code true} when this ranks after {@code other}
     */
    public boolean isWorseThan(HealthStatus other) {
        return compareTo(other) > 0;
    }

    /**
     * Returns the worse of two statuses.
     *
     * @param a one status
     * @param b another status
     * @return the one that ranks later
     */
    public static HealthStatus worst(HealthStatus a, HealthStatus b) {
        return a.isWorseThan(b) ? a : b;
    }
}
