package io.gitops4j.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The timing of leases, as Kubernetes leader election names it.
 *
 * @param leaseDuration how long others wait, after they last saw a lease change, before they take it over
 * @param renewDeadline how long a replica keeps acting on a lease it failed to renew before it steps down (shorter
 *     than the lease duration, so that it stops before anyone else may start)
 * @param retryPeriod how often a replica renews its leases and looks at the others'
 */
public record LeaseTiming(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    /** Kubernetes' defaults: 15 s lease, 10 s renew deadline, 2 s retry period. */
    public static final LeaseTiming DEFAULTS = new LeaseTiming(Duration.ofSeconds(15), Duration.ofSeconds(10),
            Duration.ofSeconds(2));

    /**
     * Checks the timing: every duration positive, {@code renewDeadline > retryPeriod} and
     * {@code leaseDuration >= renewDeadline + retryPeriod}.
     *
     * @param leaseDuration the lease duration
     * @param renewDeadline the renew deadline
     * @param retryPeriod the retry period
     */
    public LeaseTiming {
        requireNonNull(leaseDuration, "leaseDuration is null");
        requireNonNull(renewDeadline, "renewDeadline is null");
        requireNonNull(retryPeriod, "retryPeriod is null");
        if (retryPeriod.isNegative() || retryPeriod.isZero()) {
            throw new IllegalArgumentException("retryPeriod must be positive: " + retryPeriod);
        }
        if (renewDeadline.compareTo(retryPeriod) <= 0) {
            throw new IllegalArgumentException("renewDeadline (" + renewDeadline + ") must be longer than retryPeriod ("
                    + retryPeriod + "), or one failed renewal would step down");
        }
        if (leaseDuration.compareTo(renewDeadline.plus(retryPeriod)) < 0) {
            throw new IllegalArgumentException("leaseDuration (" + leaseDuration + ") must be at least renewDeadline ("
                    + renewDeadline + ") plus retryPeriod (" + retryPeriod + "), so a replica that cannot renew stops"
                    + " acting before the others may take over");
        }
    }
}
