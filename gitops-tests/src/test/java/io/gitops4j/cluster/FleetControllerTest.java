package io.gitops4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.cluster.ControllerFleet.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.loop.RunReason;
import io.gitops4j.model.Resource;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.cluster.InMemoryLeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Three (then four) controllers of one fleet in one JVM, sharing the leases and the cluster. */
class FleetControllerTest {
    private final InMemoryLeaseStore leases = new InMemoryLeaseStore();
    private final InMemoryTarget cluster = InMemoryTarget.create();

    private ControllerFleet fleet(int applications) {
        return new ControllerFleet(applications, leases::connection, replica -> cluster);
    }

    private static Set<String> owned(Node node) {
        return new HashSet<>(node.controller.fleet().orElseThrow().owned());
    }

    @Test
    void everyApplicationIsReconciledExactlyOncePerIntervalByOneReplica() {
        try (ControllerFleet fleet = fleet(30)) {
            fleet.start("a");
            fleet.start("b");
            fleet.start("c");
            fleet.advance(Duration.ofSeconds(20));
            assertThat(cluster.contents()).hasSize(30);
            Instant from = fleet.now();
            fleet.advance(Duration.ofMinutes(5));
            Map<String, Integer> runs = fleet.runsSince(from);
            assertThat(runs).hasSize(30);
            assertThat(runs.values()).containsOnly(5);
            for (String application : fleet.sources.keySet()) {
                assertThat(fleet.runnersSince(application, from)).hasSize(1);
            }
            int bound = ShardAssigner.withLoadFactor(0.25).capacity(30, 3);
            assertThat(fleet.nodes.values()).allSatisfy(node -> assertThat(owned(node)).hasSizeBetween(1, bound));
        }
    }

    @Test
    void theApplicationsOfAKilledReplicaAreTakenOverWithinTheLeaseDurationAndOneInterval() {
        try (ControllerFleet fleet = fleet(30)) {
            fleet.start("a");
            Node b = fleet.start("b");
            fleet.start("c");
            fleet.advance(Duration.ofSeconds(20));
            Set<String> ofB = owned(b);
            assertThat(ofB).isNotEmpty();
            b.killed = true; // no close: its leases stay as they were, as after kill -9
            Instant killedAt = fleet.now();
            Duration bound = ControllerFleet.TIMING.leaseDuration().plus(ControllerFleet.INTERVAL);
            fleet.advance(bound);
            for (String application : ofB) {
                List<String> runners = fleet.runnersSince(application, killedAt);
                assertThat(runners).as("who ran %s after b was killed", application).isNotEmpty().doesNotContain("b");
            }
            Instant from = fleet.now();
            fleet.advance(Duration.ofMinutes(3));
            assertThat(fleet.runsSince(from).values()).hasSize(30).containsOnly(3);
        }
    }

    @Test
    void aPausedReplicaDoesNotApplyAfterResumingOnceItsApplicationsMoved() {
        try (ControllerFleet fleet = fleet(12)) {
            Node a = fleet.start("a");
            fleet.start("b");
            fleet.advance(Duration.ofSeconds(20));
            String application = owned(a).iterator().next();
            a.paused = true; // its clock and timer stop: a long GC pause or a frozen VM
            fleet.advance(Duration.ofSeconds(40));
            assertThat(fleet.nodes.get("b").controller.fleet().orElseThrow().owners()).containsEntry(application, "b");
            Resource changed = ControllerFleet.configMap(application);
            ObjectNode body = changed.body().deepCopy();
            body.with("data").put("owner", "changed");
            fleet.sources.get(application).commit("c2-" + application, List.of(changed.withBody(body)));
            int appliesBefore = cluster.applyCount();
            a.paused = false;
            a.controller.trigger(application); // a still believes it owns the application: its run starts
            ControllerFleet.Run run = fleet.runs.get(fleet.runs.size() - 1);
            assertThat(run.replica()).isEqualTo("a");
            assertThat(run.entry().outcome()).isEqualTo(Outcome.FAILED);
            assertThat(run.entry().error()).contains("is claimed by b, not by replica a");
            assertThat(cluster.applyCount()).isEqualTo(appliesBefore);
        }
    }

    @Test
    void aFourthReplicaTakesAboutAQuarterAndTheRestStayWhereTheyWere() {
        try (ControllerFleet fleet = fleet(40)) {
            Node a = fleet.start("a");
            Node b = fleet.start("b");
            Node c = fleet.start("c");
            fleet.advance(Duration.ofSeconds(20));
            Map<String, Set<String>> before = Map.of("a", owned(a), "b", owned(b), "c", owned(c));
            Node d = fleet.start("d");
            fleet.advance(Duration.ofSeconds(20));
            int moved = 0;
            for (Map.Entry<String, Set<String>> entry : before.entrySet()) {
                Set<String> left = new HashSet<>(entry.getValue());
                left.removeAll(owned(fleet.nodes.get(entry.getKey())));
                moved += left.size();
            }
            assertThat(owned(d)).hasSize(moved);
            assertThat(moved).isBetween(1, (int) Math.ceil(1.5 * 40 / 4) + 2);
            assertThat(fleet.runs.stream().filter(r -> r.replica().equals("d"))
                    .map(r -> r.entry().reason())).isNotEmpty().containsOnly(RunReason.OWNERSHIP);
        }
    }

    @Test
    void closingAReplicaHandsItsApplicationsOverAtTheOthersNextTick() {
        try (ControllerFleet fleet = fleet(20)) {
            fleet.start("a");
            Node b = fleet.start("b");
            fleet.advance(Duration.ofSeconds(20));
            Set<String> ofB = owned(b);
            b.controller.close();
            b.killed = true;
            Instant closedAt = fleet.now();
            fleet.advance(ControllerFleet.TIMING.retryPeriod().multipliedBy(2));
            for (String application : ofB) {
                assertThat(fleet.runnersSince(application, closedAt)).containsExactly("a");
            }
        }
    }
}
