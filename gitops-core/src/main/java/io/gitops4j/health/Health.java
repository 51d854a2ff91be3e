package io.gitops4j.health;

import static java.util.Objects.requireNonNull;

/**
 * The health of one live object, with a reason a person can act on.
 *
 * @param status the ranked status
 * @param message why, e.g. {@code "1 of 3 replicas available"}; {@code ""} when there is nothing to say
 */
public record Health(HealthStatus status, String message) {

    private static final Health HEALTHY = new Health(HealthStatus.HEALTHY, "");

    /** Validates the components. */
    public Health {
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
    }

    /**
     * Returns healthy with no message.
     *
     * @return healthy
     */
    public static Health healthy() {
        return HEALTHY;
    }

    /**
     * Returns progressing.
     *
     * @param message what it is waiting for
     * @return progressing
     */
    public static Health progressing(String message) {
        return new Health(HealthStatus.PROGRESSING, message);
    }

    /**
     * Returns degraded.
     *
     * @param message what failed
     * @return degraded
     */
    public static Health degraded(String message) {
        return new Health(HealthStatus.DEGRADED, message);
    }

    /**
     * Returns suspended.
     *
     * @param message what is paused
     * @return suspended
     */
    public static Health suspended(String message) {
        return new Health(HealthStatus.SUSPENDED, message);
    }

    /**
     * Returns missing.
     *
     * @param message what is missing
     * @return missing
     */
    public static Health missing(String message) {
        return new Health(HealthStatus.MISSING, message);
    }

    /**
     * Returns unknown.
     *
     * @param message why health cannot be told
     * @return unknown
     */
    public static Health unknown(String message) {
        return new Health(HealthStatus.UNKNOWN, message);
    }

    /**
     * Tells whether the status is {@link HealthStatus#HEALTHY}.
     *
     * @return {@code true} when healthy
     */
    public boolean isHealthy() {
        return status == HealthStatus.HEALTHY;
    }

    @Override
    public String toString() {
        return message.isEmpty() ? status.name() : status.name() + ": " + message;
    }
}
