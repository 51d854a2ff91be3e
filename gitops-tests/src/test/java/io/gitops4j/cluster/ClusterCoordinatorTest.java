package io.gitops4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.cluster.Fleet.Replica;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ClusterCoordinatorTest {

    @Test
    void aReplicaAloneOwnsEveryApplicationAfterOneTick() {
        Fleet fleet = new Fleet(20);
        Replica a = fleet.join("a");
        OwnershipChange change = a.tick();
        assertThat(change.gained()).containsExactlyElementsOf(fleet.applications);
        assertThat(fleet.owned().get("a")).containsExactlyElementsOf(fleet.applications);
        assertThat(a.coordinator.status().owners().values()).containsOnly("a");
        assertThat(fleet.store.all()).extracting(LeaseRecord::name).contains("gitops4j-replica-a", "gitops4j-app-app-0000");
    }

    @Test
    void threeReplicasShareTheApplicationsWithinTheBoundAndNobodyOwnsOneTwice() {
        Fleet fleet = new Fleet(300);
        Replica a = fleet.join("a");
        a.tick();
        fleet.join("b").tick();
        fleet.join("c").tick();
        fleet.periods(3);
        assertThat(fleet.doublyOwned()).isEmpty();
        assertThat(fleet.ownedByAnyone()).containsExactlyElementsOf(fleet.applications);
        int bound = ShardAssigner.withLoadFactor(0.25).capacity(300, 3);
        assertThat(fleet.owned().values()).allSatisfy(mine -> assertThat(mine).hasSizeBetween(1, bound));
        assertThat(a.coordinator.status().members()).containsExactly("a", "b", "c");
    }

    @Test
    void aSteadyFleetWritesOnlyItsMembershipLeases() {
        Fleet fleet = new Fleet(200);
        fleet.join("a");
        fleet.join("b");
        fleet.join("c");
        fleet.periods(5);
        long before = fleet.store.writes();
        fleet.periods(10);
        assertThat(fleet.store.writes() - before).isEqualTo(3 * 10);
    }

    @Test
    void theApplicationsOfACrashedReplicaAreTakenOverWithinALeaseDurationAndOnePeriod() {
        Fleet fleet = new Fleet(60);
        fleet.join("a");
        Replica b = fleet.join("b");
        fleet.join("c");
        fleet.periods(3);
        Set<String> ofB = fleet.owned().get("b");
        assertThat(ofB).isNotEmpty();
        b.crashed = true;
        int periods = 0;
        while (!fleet.ownedByAnyone().containsAll(fleet.applications)) {
            fleet.period();
            periods++;
            assertThat(fleet.doublyOwned()).isEmpty();
            assertThat(periods).as("periods until takeover").isLessThanOrEqualTo(
                    (int) (Fleet.TIMING.leaseDuration().toSeconds() / Fleet.TIMING.retryPeriod().toSeconds()) + 2);
        }
        assertThat(fleet.owned()).containsOnlyKeys("a", "c");
    }

    @Test
    void aReplicaCutFromTheStoreStepsDownBeforeAnyoneTakesItsApplications() {
        Fleet fleet = new Fleet(40);
        Replica a = fleet.join("a");
        Replica b = fleet.join("b");
        fleet.periods(3);
        Set<String> ofA = fleet.owned().get("a");
        fleet.store.cut("a");
        for (int i = 0; i < 12; i++) {
            fleet.period();
            for (String application : ofA) {
                boolean aOwns = a.coordinator.owns(application);
                boolean bOwns = b.coordinator.owns(application);
                assertThat(aOwns && bOwns).as("%s owned by both after %d periods", application, i + 1).isFalse();
            }
        }
        assertThat(a.coordinator.status().steppedDown()).isTrue();
        assertThat(a.fence(ofA.iterator().next())).get().asString().contains("stepped down");
        assertThat(fleet.owned().get("b")).containsExactlyElementsOf(fleet.applications);
    }

    @Test
    void aPausedReplicaWhoseClaimWasTakenNeverPassesTheFenceAfterResuming() {
        Fleet fleet = new Fleet(30);
        Replica a = fleet.join("a");
        Replica b = fleet.join("b");
        fleet.periods(3);
        String application = fleet.owned().get("a").iterator().next();
        assertThat(a.fence(application)).isEmpty();
        a.paused = true;
        fleet.periods(12);
        assertThat(b.coordinator.owns(application)).isTrue();
        a.paused = false; // its clock stopped: it believes no time passed and that it still owns the application
        assertThat(a.coordinator.owns(application)).isTrue();
        assertThat(a.fence(application)).get().asString()
                .contains("application " + application + " is claimed by b, not by replica a");
        assertThat(b.fence(application)).isEmpty();
        a.tick();
        assertThat(a.coordinator.owns(application)).isFalse();
    }

    @Test
    void aFenceRenewsTheClaimSoAReplicaAboutToTakeItOverMustWaitAgain() {
        Fleet fleet = new Fleet(List.of("shop"), ClusterMode.SHARDED);
        Replica a = fleet.join("a");
        a.tick();
        Replica b = fleet.join("b");
        b.tick();
        assertThat(a.coordinator.owns("shop") || b.coordinator.owns("shop")).isTrue();
        Replica owner = a.coordinator.owns("shop") ? a : b;
        LeaseRecord before = fleet.store.connection("test").get("gitops4j-app-shop").orElseThrow();
        assertThat(owner.fence("shop")).isEmpty();
        LeaseRecord after = fleet.store.connection("test").get("gitops4j-app-shop").orElseThrow();
        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(after.holder()).isEqualTo(owner.id);
    }

    @Test
    void aGracefulLeaveHandsItsApplicationsOverAtTheNextTick() {
        Fleet fleet = new Fleet(50);
        fleet.join("a");
        Replica b = fleet.join("b");
        fleet.periods(3);
        b.coordinator.close();
        b.crashed = true;
        fleet.period(); // a sees b's membership released and its claims free
        fleet.period();
        assertThat(fleet.owned().get("a")).containsExactlyElementsOf(fleet.applications);
        assertThat(b.fence(fleet.applications.get(0))).get().asString().contains("left the fleet");
    }

    @Test
    void aJoiningReplicaTakesItsShareOnlyAfterTheOwnerReleasesIt() {
        Fleet fleet = new Fleet(300);
        fleet.join("a");
        fleet.join("b");
        fleet.join("c");
        fleet.periods(3);
        Map<String, Set<String>> before = fleet.owned();
        fleet.join("d");
        for (int i = 0; i < 4; i++) {
            fleet.period();
            assertThat(fleet.doublyOwned()).isEmpty();
        }
        Map<String, Set<String>> after = fleet.owned();
        assertThat(fleet.ownedByAnyone()).containsExactlyElementsOf(fleet.applications);
        int moved = 0;
        for (String replica : List.of("a", "b", "c")) {
            Set<String> left = new HashSet<>(before.get(replica));
            left.removeAll(after.get(replica));
            moved += left.size();
        }
        assertThat(after.get("d")).hasSize(moved);
        assertThat(moved).as("applications moved to the fourth replica").isBetween(1, (int) (1.5 * 300 / 4) + 10);
    }

    @Test
    void anApplicationBusyWhenItMovesIsReleasedOnlyAfterItsRunEnds() {
        Fleet fleet = new Fleet(100);
        Replica a = fleet.join("a");
        a.tick();
        Set<String> all = new TreeSet<>(fleet.owned().get("a"));
        a.busy.addAll(all);
        Replica b = fleet.join("b");
        fleet.periods(3);
        assertThat(b.coordinator.status().owned()).isEmpty();
        assertThat(b.coordinator.status().owners()).hasSize(100).allSatisfy((app, owner) -> assertThat(owner).isEqualTo("a"));
        assertThat(a.coordinator.status().owned()).hasSizeLessThan(100); // starts no new runs of what moves to b
        a.busy.clear();
        fleet.periods(2);
        assertThat(b.coordinator.status().owned()).isNotEmpty();
        assertThat(fleet.ownedByAnyone()).hasSize(100);
        assertThat(fleet.doublyOwned()).isEmpty();
    }

    @Test
    void inLeaderModeOnlyTheLeaderOwnsAndAnotherLeadsAfterItDies() {
        Fleet fleet = new Fleet(Fleet.names(10), ClusterMode.LEADER);
        Replica a = fleet.join("a");
        a.tick();
        Replica b = fleet.join("b");
        fleet.periods(2);
        assertThat(fleet.owned().get("a")).hasSize(10);
        assertThat(fleet.owned().get("b")).isEmpty();
        assertThat(b.coordinator.status().leader()).contains("a");
        a.crashed = true;
        fleet.periods(10);
        assertThat(b.coordinator.status().leader()).contains("b");
        assertThat(fleet.owned().get("b")).hasSize(10);
    }
}
