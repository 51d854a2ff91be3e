package io.gitops4j.cluster;

import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.cluster.InMemoryLeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Coordinators of one fleet on an in-memory lease store, each replica with its own manual clock, driven step by step
 * by a test: time passes for every replica that is not paused; a paused replica neither ticks nor sees time pass.
 */
final class Fleet {
    static final LeaseTiming TIMING = new LeaseTiming(Duration.ofSeconds(15), Duration.ofSeconds(10),
            Duration.ofSeconds(2));

    final InMemoryLeaseStore store = new InMemoryLeaseStore();
    final List<String> applications;
    final ClusterMode mode;
    final Map<String, Replica> replicas = new LinkedHashMap<>();
    private Instant now = Instant.parse("2026-03-29T00:00:00Z");

    Fleet(List<String> applications, ClusterMode mode) {
        this.applications = List.copyOf(applications);
        this.mode = mode;
    }

    Fleet(int applications) {
        this(names(applications), ClusterMode.SHARDED);
    }

    static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.format("app-%04d", i));
        }
        return names;
    }

    /** One replica: its clock, its coordinator, and what the test did to it. */
    final class Replica {
        final String id;
        final ManualClock clock;
        final ClusterCoordinator coordinator;
        boolean paused;
        boolean crashed;
        final Set<String> busy = new TreeSet<>();

        Replica(String id) {
            this.id = id;
            this.clock = new ManualClock(now);
            this.coordinator = ClusterCoordinator.builder(store.connection(id), id).mode(mode).timing(TIMING)
                    .clock(clock).build();
        }

        OwnershipChange tick() {
            return coordinator.tick(applications, busy::contains);
        }

        boolean active() {
            return !paused && !crashed;
        }

        Optional<String> fence(String application) {
            return coordinator.fence().check(application, "applying");
        }
    }

    Replica join(String id) {
        Replica replica = new Replica(id);
        replicas.put(id, replica);
        return replica;
    }

    /** Every active replica ticks once, in join order. */
    void tickAll() {
        replicas.values().stream().filter(Replica::active).forEach(Replica::tick);
    }

    /** Time passes by one retry period for the fleet (not for paused replicas); then every active replica ticks. */
    void period() {
        advance(TIMING.retryPeriod());
        tickAll();
    }

    void periods(int count) {
        for (int i = 0; i < count; i++) {
            period();
        }
    }

    void advance(Duration duration) {
        now = now.plus(duration);
        for (Replica replica : replicas.values()) {
            if (!replica.paused) {
                replica.clock.advance(duration);
            }
        }
    }

    /** The applications an active, connected replica owns, per replica. */
    Map<String, Set<String>> owned() {
        Map<String, Set<String>> owned = new LinkedHashMap<>();
        for (Replica replica : replicas.values()) {
            if (replica.active()) {
                Set<String> mine = new TreeSet<>();
                for (String application : applications) {
                    if (replica.coordinator.owns(application)) {
                        mine.add(application);
                    }
                }
                owned.put(replica.id, mine);
            }
        }
        return owned;
    }

    /** Applications that two active replicas both own now. */
    Set<String> doublyOwned() {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (Set<String> mine : owned().values()) {
            for (String application : mine) {
                if (!seen.add(application)) {
                    twice.add(application);
                }
            }
        }
        return twice;
    }

    Set<String> ownedByAnyone() {
        Set<String> all = new TreeSet<>();
        owned().values().forEach(all::addAll);
        return all;
    }
}
