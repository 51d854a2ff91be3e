package io.gitops4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.gitops4j.cluster.Fleet.Replica;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random histories of a fleet: replicas join, crash, leave, pause (their clock stopped, as in a long GC or a frozen
 * VM) and resume, lose and regain the store, and time passes. Whatever happens: at no moment do two replicas pass
 * the fence of one application, replicas that ticked since they last resumed never own an application twice, and
 * once the faults stop every application has exactly one owner within the load bound.
 */
class FleetPropertiesTest {
    private static final int APPLICATIONS = 30;

    @Test
    void neverTwoOwnersAndBoundedLoadOverRandomJoinsAndLeaves() {
        qt().withExamples(60).forAll(lists().of(integers().between(0, 999)).ofSizeBetween(1, 40))
                .checkAssert(FleetPropertiesTest::history);
    }

    private static void history(List<Integer> events) {
        Fleet fleet = new Fleet(APPLICATIONS);
        Set<String> staleSinceResume = new TreeSet<>();
        int joined = 0;
        fleet.join("r" + joined++).tick();
        for (int event : events) {
            List<Replica> alive = fleet.replicas.values().stream().filter(r -> !r.crashed).toList();
            Replica some = alive.isEmpty() ? null : alive.get((event / 10) % alive.size());
            switch (event % 10) {
                case 0 -> {
                    if (joined < 6) {
                        fleet.join("r" + joined++).tick();
                    }
                }
                case 1 -> {
                    if (some != null) {
                        some.crashed = true;
                    }
                }
                case 2 -> {
                    if (some != null && !some.paused) {
                        some.coordinator.close();
                        some.crashed = true;
                    }
                }
                case 3 -> {
                    if (some != null) {
                        some.paused = true;
                    }
                }
                case 4 -> {
                    if (some != null && some.paused) {
                        some.paused = false;
                        staleSinceResume.add(some.id);
                    }
                }
                case 5 -> {
                    if (some != null) {
                        fleet.store.cut(some.id);
                    }
                }
                case 6 -> {
                    if (some != null) {
                        fleet.store.restore(some.id);
                    }
                }
                case 7 -> {
                    if (some != null && some.active()) {
                        some.tick();
                        staleSinceResume.remove(some.id);
                    }
                }
                default -> {
                    fleet.periods(event % 10 == 9 ? 5 : 1);
                    fleet.replicas.values().stream().filter(Replica::active).forEach(r -> staleSinceResume.remove(r.id));
                }
            }
            checkOneFencePassesAtMost(fleet);
            checkDisjointOwnership(fleet, staleSinceResume);
        }
        settle(fleet, joined);
    }

    /** Every replica that believes it owns an application tries its fence, as a run would before writing. */
    private static void checkOneFencePassesAtMost(Fleet fleet) {
        for (String application : fleet.applications) {
            List<String> passed = new ArrayList<>();
            for (Replica replica : fleet.replicas.values()) {
                if (!replica.crashed && replica.coordinator.owns(application) && replica.fence(application).isEmpty()) {
                    passed.add(replica.id);
                }
            }
            assertThat(passed).as("replicas passing the fence of %s", application).hasSizeLessThanOrEqualTo(1);
        }
    }

    private static void checkDisjointOwnership(Fleet fleet, Set<String> stale) {
        Set<String> seen = new TreeSet<>();
        for (Replica replica : fleet.replicas.values()) {
            if (!replica.active() || stale.contains(replica.id)) {
                continue;
            }
            for (String application : fleet.applications) {
                if (replica.coordinator.owns(application)) {
                    assertThat(seen.add(application)).as("%s owned twice (second owner %s)", application, replica.id)
                            .isTrue();
                }
            }
        }
    }

    private static void settle(Fleet fleet, int joined) {
        if (fleet.replicas.values().stream().allMatch(r -> r.crashed)) {
            fleet.join("r" + joined);
        }
        for (Replica replica : fleet.replicas.values()) {
            replica.paused = false;
            fleet.store.restore(replica.id);
        }
        fleet.periods(12);
        Map<String, Set<String>> owned = fleet.owned();
        assertThat(fleet.doublyOwned()).isEmpty();
        assertThat(fleet.ownedByAnyone()).containsExactlyElementsOf(fleet.applications);
        int bound = ShardAssigner.withLoadFactor(0.25).capacity(APPLICATIONS, owned.size());
        assertThat(owned.values()).allSatisfy(mine -> assertThat(mine.size()).isLessThanOrEqualTo(bound));
    }
}
