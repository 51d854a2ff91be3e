package io.gitops4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class ShardAssignerTest {
    private final ShardAssigner assigner = ShardAssigner.withLoadFactor(0.25);

    private static List<String> names(String prefix, int count, Random random) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + "-" + Long.toHexString(random.nextLong()));
        }
        return names;
    }

    private static Map<String, Integer> loads(SortedMap<String, String> assignment) {
        Map<String, Integer> load = new HashMap<>();
        assignment.values().forEach(replica -> load.merge(replica, 1, Integer::sum));
        return load;
    }

    private static int moved(SortedMap<String, String> before, SortedMap<String, String> after) {
        int moved = 0;
        for (Map.Entry<String, String> entry : before.entrySet()) {
            if (!entry.getValue().equals(after.get(entry.getKey()))) {
                moved++;
            }
        }
        return moved;
    }

    @Test
    void everyApplicationGoesToOneOfTheReplicasAndNoReplicaIsAboveTheBound() {
        qt().withExamples(200).forAll(integers().between(0, 1500), integers().between(1, 12), longs().all())
                .checkAssert((apps, replicas, seed) -> {
                    Random random = new Random(seed);
                    List<String> members = names("replica", replicas, random);
                    SortedMap<String, String> assignment = assigner.assign(names("app", apps, random), members);
                    assertThat(assignment).hasSize(apps);
                    assertThat(members).containsAll(assignment.values());
                    int bound = assigner.capacity(apps, replicas);
                    assertThat(loads(assignment).values()).allSatisfy(load -> assertThat(load).isLessThanOrEqualTo(bound));
                });
    }

    @Test
    void theAssignmentDependsOnTheSetsNotOnTheirOrder() {
        Random random = new Random(7);
        List<String> apps = names("app", 300, random);
        List<String> replicas = names("replica", 4, random);
        SortedMap<String, String> first = assigner.assign(apps, replicas);
        Collections.shuffle(apps, random);
        Collections.shuffle(replicas, random);
        List<String> withDuplicates = new ArrayList<>(apps);
        withDuplicates.addAll(apps.subList(0, 10));
        assertThat(assigner.assign(withDuplicates, replicas)).isEqualTo(first);
    }

    @Test
    void aReplicaThatJoinsTakesAboutItsShareAndTheOthersKeepTheRest() {
        qt().withExamples(60).forAll(integers().between(100, 1200), integers().between(1, 8), longs().all())
                .checkAssert((apps, replicas, seed) -> {
                    Random random = new Random(seed);
                    List<String> appNames = names("app", apps, random);
                    List<String> members = names("replica", replicas, random);
                    SortedMap<String, String> before = assigner.assign(appNames, members);
                    List<String> grown = new ArrayList<>(members);
                    grown.add("replica-new");
                    SortedMap<String, String> after = assigner.assign(appNames, grown);
                    double share = (double) apps / (replicas + 1);
                    assertThat(moved(before, after)).as("applications moved when one of %d replicas joined", replicas + 1)
                            .isLessThanOrEqualTo((int) Math.ceil(1.5 * share) + 10);
                });
    }

    @Test
    void aReplicaThatLeavesHandsOnItsOwnApplicationsAndFewOthers() {
        qt().withExamples(60).forAll(integers().between(100, 1200), integers().between(2, 8), longs().all())
                .checkAssert((apps, replicas, seed) -> {
                    Random random = new Random(seed);
                    List<String> appNames = names("app", apps, random);
                    List<String> members = names("replica", replicas, random);
                    SortedMap<String, String> before = assigner.assign(appNames, members);
                    String leaving = members.get(0);
                    long own = before.values().stream().filter(leaving::equals).count();
                    SortedMap<String, String> after = assigner.assign(appNames, members.subList(1, members.size()));
                    assertThat(after.values()).doesNotContain(leaving);
                    assertThat(moved(before, after)).isLessThanOrEqualTo((int) own + (int) Math.ceil(0.5 * apps / replicas) + 10);
                });
    }

    @Test
    void noReplicasAssignNothingAndBadSettingsAreRefused() {
        assertThat(assigner.assign(List.of("a", "b"), List.of())).isEmpty();
        assertThat(assigner.capacity(10, 3)).isEqualTo(5);
        assertThat(assigner.capacity(12, 3)).isEqualTo(5);
        assertThat(assigner.capacity(0, 3)).isZero();
        assertThatThrownBy(() -> ShardAssigner.withLoadFactor(0)).hasMessageContaining("epsilon must be positive");
        assertThatThrownBy(() -> ShardAssigner.of(0.1, 0)).hasMessageContaining("virtualNodes");
    }
}
