package io.gitops4j.reconcile;

import static io.gitops4j.reconcile.TestObjects.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.plan.Plan;
import io.gitops4j.PlanException;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.plan.Planner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The engine's one memo: a diff and its step are reused exactly when their desired and live objects are the very same
 * instances as last run, and the result always equals a fresh, pure diff and plan.
 */
class RunMemoTest {
    private static final String[][] KINDS = {
        {"v1", "Namespace"}, {"v1", "ConfigMap"}, {"apps/v1", "Deployment"},
        {"apiextensions.k8s.io/v1", "CustomResourceDefinition"}, {"example.org/v1", "Widget"}};
    private static final UnaryOperator<ResourceDiff> ALL = diff -> diff;

    private final CountingDiffer counting = new CountingDiffer();
    private final RunMemo memo = new RunMemo(counting, Planner.defaults());

    @Test
    void theSameObjectsAgainGetTheSamePlanWithoutDiffingAnything() {
        Resource a = configMap("a");
        LiveResource live = LiveResource.of(configMap("a"));
        Plan first = memo.plan(state(a), LiveState.of(List.of(live)), ALL);
        int calls = counting.calls.get();

        Plan again = memo.plan(state(a), LiveState.of(List.of(live)), ALL);

        assertThat(again).isSameAs(first);
        assertThat(counting.calls.get()).isEqualTo(calls);
    }

    @Test
    void aChangedLiveObjectIsDiffedAloneAndTheOthersKeepTheirDiffsAndSteps() {
        Resource a = configMap("a");
        Resource b = configMap("b");
        LiveResource liveA = LiveResource.of(configMap("a"));
        Plan first = memo.plan(state(a, b), LiveState.of(List.of(liveA, LiveResource.of(configMap("b")))), ALL);
        int calls = counting.calls.get();

        ObjectNode body = configMap("b").body();
        ((ObjectNode) body.get("data")).put("name", "drift");
        LiveResource drifted = LiveResource.of(Resource.of(body));
        Plan second = memo.plan(state(a, b), LiveState.of(List.of(liveA, drifted)), ALL);

        assertThat(counting.calls.get()).isEqualTo(calls + 1);
        assertThat(second.unchanged()).hasSize(1);
        assertThat(second.unchanged().get(0)).isSameAs(first.unchanged().get(0));
        assertThat(second.applies()).extracting(PlanStep::key).containsExactly(b.key());
        assertThat(((ResourceDiff.Existing) second.applies().get(0).diff()).live()).isSameAs(drifted);
    }

    @Test
    void anEqualCopyIsNotTheSameObjectAndIsDiffedAgain() {
        Resource a = configMap("a");
        LiveResource live = LiveResource.of(configMap("a"));
        Plan first = memo.plan(state(a), LiveState.of(List.of(live)), ALL);
        int calls = counting.calls.get();

        Plan second = memo.plan(state(Resource.of(a.tree())), LiveState.of(List.of(live)), ALL);

        assertThat(counting.calls.get()).isEqualTo(calls + 1);
        assertThat(second.toText()).isEqualTo(first.toText());
        assertThat(((ResourceDiff.Declared) second.unchanged().get(0).diff()).desired()).isNotSameAs(a);
    }

    @Test
    void aWaveThatIsNotAnIntegerIsRefusedAfterAGoodPlanAndTheGoodPlanStaysUsable() {
        Resource good = configMap("a", Map.of("gitops4j.io/wave", "1"));
        Resource bad = configMap("b", Map.of("gitops4j.io/wave", "soon"));
        Plan first = memo.plan(state(good), LiveState.of(List.of()), ALL);

        assertThatThrownBy(() -> memo.plan(state(good, bad), LiveState.of(List.of()), ALL))
                .isInstanceOf(PlanException.class).hasMessageContaining("soon");
        assertThat(memo.plan(state(good), LiveState.of(List.of()), ALL)).isSameAs(first);
    }

    @Test
    void whatThePlanningFunctionLeavesOutIsNotPlanned() {
        Resource a = configMap("a");
        LiveResource orphan = LiveResource.of(configMap("z"));

        Plan planned = memo.plan(state(a), LiveState.of(List.of(orphan)),
                diff -> diff.type() == ChangeType.DELETE ? null : diff);

        assertThat(planned.allApplies()).extracting(PlanStep::key).containsExactly(a.key());
        assertThat(planned.deletes()).isEmpty();
    }

    /**
     * Random sequences of runs over a pool of objects, each run reusing an object of the pool, passing an equal new
     * copy, a changed or recreated one, or leaving a key out on either side, with kinds and waves mixed and a
     * planning function that drops some deletions: every run's diff and plan equal a fresh pure diff and plan of the
     * same inputs (the plan byte for byte as text and JSON), and every step holds this run's objects.
     */
    @Test
    void theMemosDiffAndPlanAlwaysEqualAFreshPureDiffAndPlan() {
        UnaryOperator<ResourceDiff> planning = diff -> diff.type() == ChangeType.DELETE
                && diff.key().name().hashCode() % 2 == 0 ? null : diff;
        qt().withExamples(200)
                .forAll(lists().of(integers().all()).ofSizeBetween(1, 8))
                .checkAssert(runs -> {
                    Pool pool = new Pool();
                    RunMemo fresh = new RunMemo(DefaultStateDiffer.defaults(), Planner.defaults());
                    for (int seed : runs) {
                        Random random = new Random(seed);
                        List<Resource> declared = new ArrayList<>();
                        List<LiveResource> observed = new ArrayList<>();
                        for (int key = 0; key < Pool.KEYS; key++) {
                            pool.desired(key, random.nextInt(4)).ifPresent(declared::add);
                            pool.live(key, random.nextInt(5)).ifPresent(observed::add);
                        }
                        DesiredState desired = DesiredState.of("r" + seed, declared);
                        LiveState live = LiveState.of(observed);

                        Plan actual = fresh.plan(desired, live, planning);
                        StateDiff expectedDiff = StateDiff.of(DefaultStateDiffer.defaults().diff(desired, live)
                                .inKeyOrder().stream().map(planning).filter(d -> d != null).toList());
                        Plan expected = Planner.defaults().plan(expectedDiff);

                        assertThat(actual.toText()).isEqualTo(expected.toText());
                        assertThat(actual.toJson()).isEqualTo(expected.toJson());
                        assertThat(actual.allApplies()).isEqualTo(expected.allApplies());
                        assertThat(actual.deletes()).isEqualTo(expected.deletes());
                        for (PlanStep step : actual.allApplies()) {
                            assertThat(((ResourceDiff.Declared) step.diff()).desired())
                                    .isSameAs(desired.resources().get(step.key()));
                        }
                        for (PlanStep step : actual.deletes()) {
                            assertThat(((ResourceDiff.Existing) step.diff()).live())
                                    .isSameAs(live.resources().get(step.key()));
                        }
                    }
                });
    }

    private static DesiredState state(Resource... resources) {
        return DesiredState.of("r1", List.of(resources));
    }

    /** For each key, two desired objects and three live ones, reused across runs; or a new copy, or none. */
    private static final class Pool {
        static final int KEYS = 10;
        private final List<Resource[]> desired = new ArrayList<>();
        private final List<LiveResource[]> live = new ArrayList<>();

        Pool() {
            for (int key = 0; key < KEYS; key++) {
                desired.add(new Resource[] {object(key, "1", null), object(key, "2", null)});
                Resource applied = object(key, "1", null);
                live.add(new LiveResource[] {LiveResource.of(object(key, "1", "uid-a"), applied),
                    LiveResource.of(object(key, "3", "uid-a"), applied),
                    LiveResource.of(object(key, "1", "uid-b"), null)});
            }
        }

        /* 0, 1: a pooled object; 2: an equal new copy of object 0; 3: not declared. */
        java.util.Optional<Resource> desired(int key, int choice) {
            if (choice == 3) {
                return java.util.Optional.empty();
            }
            Resource[] objects = desired.get(key);
            return java.util.Optional.of(choice == 2 ? Resource.of(objects[0].tree()) : objects[choice]);
        }

        /* 0, 1, 2: a pooled object (in sync, drifted, recreated); 3: an equal new copy of object 0; 4: absent. */
        java.util.Optional<LiveResource> live(int key, int choice) {
            if (choice == 4) {
                return java.util.Optional.empty();
            }
            LiveResource[] objects = live.get(key);
            if (choice == 3) {
                LiveResource original = objects[0];
                return java.util.Optional.of(LiveResource.of(Resource.of(original.object().tree()),
                        Resource.of(original.lastApplied().orElseThrow().tree())));
            }
            return java.util.Optional.of(objects[choice]);
        }

        private static Resource object(int key, String value, String uid) {
            String[] kind = KINDS[key % KINDS.length];
            boolean clusterScoped = kind[1].equals("Namespace") || kind[1].startsWith("Custom");
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("apiVersion", kind[0]).put("kind", kind[1]);
            ObjectNode metadata = body.putObject("metadata").put("name", "r" + key);
            if (!clusterScoped) {
                metadata.put("namespace", "shop");
            }
            if (uid != null) {
                metadata.put("uid", uid).put("resourceVersion", value);
            }
            metadata.putObject("annotations").put("gitops4j.io/wave", Integer.toString(key % 3 - 1));
            body.putObject("spec").put("value", value);
            return Resource.of(body);
        }
    }
}
