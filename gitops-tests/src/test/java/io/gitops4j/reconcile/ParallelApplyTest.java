package io.gitops4j.reconcile;

import static io.gitops4j.reconcile.TestObjects.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult.Status;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.ManualClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine applies the steps of one stage (one wave, one kind rank) concurrently on a target that allows it, and
 * still keeps the plan's order between stages, the wave-failure and prune-safety rules, and a result that does not
 * depend on the order in which applies finish.
 */
class ParallelApplyTest {
    private static final String[][] KINDS = {
        {"v1", "Namespace"}, {"v1", "ConfigMap"}, {"v1", "Secret"}, {"v1", "ServiceAccount"}, {"v1", "Service"},
        {"apps/v1", "Deployment"}, {"batch/v1", "Job"}, {"example.com/v1", "Widget"},
    };
    private static final int WAVES = 3;

    private final ManualClock clock = ManualClock.create();

    private GitOpsEngine engine(InMemorySource source, io.gitops4j.target.Target target) {
        return GitOpsEngine.builder().application("shop").source(source).target(target).differ(new EqualityDiffer())
                .clock(clock).sleeper(clock).build();
    }

    @Test
    void everyStepOfAStageCompletesBeforeAnyStepOfTheNextStageStarts() {
        qt().withExamples(40).forAll(lists().of(integers().between(0, KINDS.length * WAVES - 1)).ofSizeBetween(1, 40))
                .checkAssert(codes -> {
                    // given a random plan over several kinds and waves, on a target taking 4 applies at once
                    ConcurrentTarget target = new ConcurrentTarget(InMemoryTarget.create(), 4);
                    InMemorySource source = InMemorySource.of(DesiredState.of("r1", resources(codes)));

                    // when
                    ReconcileResult result = engine(source, target).reconcile();

                    // then every step applied, in plan order, and no stage overlapped the next one
                    List<PlanStep> applies = result.plan().applies();
                    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
                    assertThat(result.steps()).extracting(StepResult::key)
                            .containsExactlyElementsOf(applies.stream().map(PlanStep::key).toList());
                    List<List<PlanStep>> stages = ApplyStages.of(applies);
                    for (int k = 0; k + 1 < stages.size(); k++) {
                        long lastEnd = stages.get(k).stream().mapToLong(s -> target.ended(s.key())).max().orElseThrow();
                        long firstStart = stages.get(k + 1).stream().mapToLong(s -> target.started(s.key())).min()
                                .orElseThrow();
                        assertThat(lastEnd).as("stage %d ends before stage %d starts", k, k + 1).isLessThan(firstStart);
                    }
                });
    }

    @Test
    void appliesTheStepsOfOneStageSideBySide() {
        // given ten ConfigMaps: one stage
        List<Resource> maps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            maps.add(TestObjects.configMap("cm-" + i));
        }
        ConcurrentTarget target = new ConcurrentTarget(InMemoryTarget.create(), 4);
        target.meet(List.of(key("cm-0"), key("cm-1"), key("cm-2"), key("cm-3"))); // the first four wait for each other

        // when
        ReconcileResult result = engine(InMemorySource.of(DesiredState.of("r1", maps)), target).reconcile();

        // then four ran at once, never more
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.steps()).allMatch(s -> s.status() == Status.APPLIED);
        assertThat(target.mostRunning()).isEqualTo(4);
    }

    @Test
    void theResultIsTheSameWhateverOrderTheAppliesFinishIn() {
        // given twelve ConfigMaps and two Namespaces, applied once one at a time and once all at once finishing in
        // reverse plan order
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            resources.add(TestObjects.configMap("cm-" + i));
        }
        resources.add(resource("v1", "Namespace", "", "shop", Map.of()));
        resources.add(resource("v1", "Namespace", "", "other", Map.of()));
        ConcurrentTarget sequential = new ConcurrentTarget(InMemoryTarget.create(), 1);
        ConcurrentTarget parallel = new ConcurrentTarget(InMemoryTarget.create(), 16);
        ReconcileResult planned = engine(InMemorySource.of(DesiredState.of("r1", resources)),
                InMemoryTarget.create()).plan();
        parallel.finishInOrder(reverseWithinStages(planned.plan().applies()));

        // when
        ReconcileResult one = engine(InMemorySource.of(DesiredState.of("r1", resources)), sequential).reconcile();
        ReconcileResult all = engine(InMemorySource.of(DesiredState.of("r1", resources)), parallel)
                .reconcile(ReconcileOptions.builder().applyConcurrency(16).build());

        // then
        assertThat(parallel.mostRunning()).isGreaterThan(1);
        assertThat(all.steps()).isEqualTo(one.steps());
        assertThat(all.toString()).isEqualTo(one.toString());
        assertThat(all.health()).isEqualTo(one.health());
        assertThat(parallel.cluster().contents().keySet()).isEqualTo(sequential.cluster().contents().keySet());
        sequential.cluster().contents().forEach((key, object) -> assertThat(
                parallel.cluster().contents().get(key).tree().get("data")).isEqualTo(object.tree().get("data")));
    }

    @Test
    void aFailedStepOfAParallelStageSkipsLaterWavesAndBlocksPrune() {
        // given an application that owns a ConfigMap it no longer declares, and a new revision of eight ConfigMaps in
        // wave 0, one of which the target refuses, and one in wave 1
        InMemoryTarget cluster = InMemoryTarget.create();
        ConcurrentTarget target = new ConcurrentTarget(cluster, 8);
        InMemorySource source = InMemorySource.of(DesiredState.of("r1", List.of(TestObjects.configMap("stale"))));
        GitOpsEngine engine = engine(source, target);
        engine.reconcile();
        List<Resource> next = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            next.add(TestObjects.configMap("cm-" + i));
        }
        next.add(TestObjects.configMap("late", Map.of(WellKnownMetadata.WAVE, "1")));
        source.commit(DesiredState.of("r2", next));
        cluster.failAppliesTo(key("cm-3"));

        // when
        ReconcileResult result = engine.reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.steps()).filteredOn(StepResult::isFailed).extracting(StepResult::key)
                .containsExactly(key("cm-3"));
        assertThat(result.steps()).filteredOn(s -> s.status() == Status.APPLIED).hasSize(7);
        assertThat(step(result, key("late")).status()).isEqualTo(Status.SKIPPED);
        assertThat(step(result, key("late")).message()).contains("wave 0 failed at ConfigMap/shop/cm-3");
        assertThat(step(result, key("stale")).status()).isEqualTo(Status.SKIPPED);
        assertThat(step(result, key("stale")).message()).contains("an earlier step of this run failed");
        assertThat(cluster.contents()).containsKey(key("stale"));
    }

    private static StepResult step(ReconcileResult result, ResourceKey key) {
        return result.steps().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    private static ResourceKey key(String configMap) {
        return ResourceKey.of("", "ConfigMap", "shop", configMap);
    }

    /** Each step of a stage finishes after the step planned after it: the stage finishes in reverse order. */
    private static Map<ResourceKey, ResourceKey> reverseWithinStages(List<PlanStep> applies) {
        Map<ResourceKey, ResourceKey> after = new HashMap<>();
        for (List<PlanStep> stage : ApplyStages.of(applies)) {
            for (int i = 0; i + 1 < stage.size(); i++) {
                after.put(stage.get(i).key(), stage.get(i + 1).key());
            }
        }
        return after;
    }

    /** One resource per code: its kind and wave; names unique by position. */
    private static List<Resource> resources(List<Integer> codes) {
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String[] kind = KINDS[codes.get(i) % KINDS.length];
            String wave = Integer.toString(codes.get(i) / KINDS.length - 1);
            boolean clusterScoped = kind[1].equals("Namespace");
            resources.add(resource(kind[0], kind[1], clusterScoped ? "" : "shop", "r-" + i,
                    Map.of(WellKnownMetadata.WAVE, wave)));
        }
        return resources;
    }
}
