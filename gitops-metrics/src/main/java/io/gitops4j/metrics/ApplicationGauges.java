package io.gitops4j.metrics;

import io.gitops4j.health.HealthStatus;
import io.gitops4j.loop.ApplicationStatus;
import io.gitops4j.loop.SyncState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Each application's sync and health state as gauges, Prometheus style: one series per application and possible
 * status, 1 for the current one and 0 for the others, registered on the application's first status. Thread-safe.
 */
final class ApplicationGauges {
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    ApplicationGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    void update(ApplicationStatus status) {
        State state = states.computeIfAbsent(status.application(), this::register);
        state.sync.set(status.syncState());
        state.health.set(status.health());
    }

    private State register(String application) {
        State state = new State();
        for (SyncState value : SyncState.values()) {
            gauge(GitOpsMetrics.SYNC_STATUS, "1 when the application has this sync status", application,
                    value, state.sync);
        }
        for (HealthStatus value : HealthStatus.values()) {
            gauge(GitOpsMetrics.HEALTH_STATUS, "1 when the application has this health status", application,
                    value, state.health);
        }
        return state;
    }

    private <E extends Enum<E>> void gauge(String name, String description, String application, E value,
                                           AtomicReference<E> current) {
        Gauge.builder(name, current, ref -> ref.get() == value ? 1 : 0).description(description)
                .tag(MeterTags.APPLICATION, application).tag(MeterTags.STATUS, MeterTags.value(value))
                .strongReference(true).register(registry);
    }

    /** The last status of one application. */
    private static final class State {
        final AtomicReference<SyncState> sync = new AtomicReference<>(SyncState.UNKNOWN);
        final AtomicReference<HealthStatus> health = new AtomicReference<>(HealthStatus.UNKNOWN);
    }
}
