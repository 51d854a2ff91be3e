package io.gitops4j.loop;

import io.gitops4j.cluster.ClusterCoordinator;
import io.gitops4j.cluster.OwnershipChange;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a fleet coordinator's {@link ClusterCoordinator#tick} every retry period on the controller's timer, and asks
 * for a run of each application this replica just came to own. Ticks never run on the worker pool, so long runs
 * cannot delay lease renewal. Thread-safe.
 */
final class FleetTicker {
    private static final Logger LOG = LoggerFactory.getLogger(FleetTicker.class);

    private final ClusterCoordinator coordinator;
    private final ApplicationWorkers apps;
    private final Scheduler scheduler;
    private final Duration period;
    private ScheduledTask next;
    private boolean stopped;

    FleetTicker(ClusterCoordinator coordinator, ApplicationWorkers apps, Scheduler scheduler) {
        this.coordinator = coordinator;
        this.apps = apps;
        this.scheduler = scheduler;
        this.period = coordinator.timing().retryPeriod();
    }

    /** Ticks now (on the timer) and every retry period after. */
    synchronized void start() {
        next = scheduler.schedule(this::tick, Duration.ZERO);
    }

    /** Stops ticking; a tick under way finishes. */
    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    private void tick() {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        try {
            OwnershipChange change = coordinator.tick(apps.names(), apps::isRunning);
            for (String gained : change.gained()) {
                LOG.info("replica {} now owns application {}", coordinator.identity(), gained);
                try {
                    apps.get(gained).request(RunReason.OWNERSHIP);
                } catch (IllegalArgumentException removed) {
                    LOG.debug("application {} was removed meanwhile", gained);
                }
            }
            if (!change.lost().isEmpty()) {
                LOG.info("replica {} no longer owns {}", coordinator.identity(), change.lost());
            }
        } catch (RuntimeException e) {
            LOG.warn("replica {}: fleet tick failed: {}", coordinator.identity(), e.toString());
        } finally {
            synchronized (this) {
                if (!stopped) {
                    next = scheduler.schedule(this::tick, period);
                }
            }
        }
    }
}
