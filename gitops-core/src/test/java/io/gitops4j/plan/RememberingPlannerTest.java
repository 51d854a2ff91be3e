package io.gitops4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RememberingPlannerTest {
    private static final String[][] KINDS = {
        {"v1", "Namespace"}, {"v1", "ConfigMap"}, {"apps/v1", "Deployment"},
        {"apiextensions.k8s.io/v1", "CustomResourceDefinition"}, {"example.org/v1", "Widget"}};

    @Test
    void theSameDiffAgainGetsTheSamePlan() {
        Planner planner = Planner.remembering();
        StateDiff diff = StateDiff.of(List.of(ResourceDiff.create(Resources.of("v1", "ConfigMap", "shop", "a"),
                List.of())));

        Plan first = planner.plan(diff);

        assertThat(planner.plan(diff)).isSameAs(first);
        assertThat(Planner.defaults().plan(diff)).isNotSameAs(Planner.defaults().plan(diff));
    }

    @Test
    void aWaveThatIsNotAnIntegerIsStillRefusedAfterAGoodPlan() {
        Planner planner = Planner.remembering();
        Resource good = Resources.wave("v1", "ConfigMap", "shop", "a", "1");
        Resource bad = Resources.wave("v1", "ConfigMap", "shop", "b", "soon");
        ResourceDiff kept = ResourceDiff.create(good, List.of());
        planner.plan(StateDiff.of(List.of(kept)));

        assertThatThrownBy(() -> planner.plan(StateDiff.of(List.of(kept, ResourceDiff.create(bad, List.of())))))
                .isInstanceOf(PlanException.class).hasMessageContaining("soon");
    }

    /**
     * Random sequences of diffs drawn from one pool of per-resource diff objects (as a caching differ hands back
     * the same objects for unchanged resources), with keys coming and going, waves, kinds and deletes: the
     * remembering planner's plan always renders exactly as a fresh plan of the same diff.
     */
    @Test
    void rememberingPlansExactlyAsAFreshPlanner() {
        qt().withExamples(150)
                .forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 12))
                .checkAssert(picks -> {
                    List<ResourceDiff> pool = pool();
                    Planner remembering = Planner.remembering();
                    for (int pick : picks) {
                        StateDiff diff = StateDiff.of(choose(pool, pick));

                        Plan expected = Planner.defaults().plan(diff);
                        Plan actual = remembering.plan(diff);

                        assertThat(actual.toText()).isEqualTo(expected.toText());
                        assertThat(actual.toJson()).isEqualTo(expected.toJson());
                        assertThat(actual.unchanged()).isEqualTo(expected.unchanged());
                    }
                });
    }

    /* For each of 12 keys, three diff objects (create, delete, in sync) with different waves. */
    private static List<ResourceDiff> pool() {
        List<ResourceDiff> pool = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String[] kind = KINDS[i % KINDS.length];
            String namespace = kind[1].equals("Namespace") || kind[1].startsWith("Custom") ? "" : "shop";
            String name = "r" + i;
            Resource declared = Resources.of(kind[0], kind[1], namespace, name,
                    Map.of("gitops4j.io/wave", Integer.toString(i % 3 - 1)));
            Resource live = Resources.of(kind[0], kind[1], namespace, name,
                    Map.of("argocd.argoproj.io/sync-wave", Integer.toString(2 - i % 4)));
            pool.add(ResourceDiff.create(declared, List.of()));
            pool.add(ResourceDiff.delete(LiveResource.of(live)));
            pool.add(ResourceDiff.none(declared, LiveResource.of(live)));
        }
        return pool;
    }

    /* Picks, per key, one of its three diffs or none, from the bits of a number. */
    private static List<ResourceDiff> choose(List<ResourceDiff> pool, int pick) {
        List<ResourceDiff> chosen = new ArrayList<>();
        int bits = pick * 2_654_435;
        for (int key = 0; key < 12; key++) {
            int choice = Math.floorMod(bits >> (key * 2 % 24), 4);
            if (choice < 3) {
                chosen.add(pool.get(key * 3 + choice));
            }
        }
        return chosen;
    }
}
