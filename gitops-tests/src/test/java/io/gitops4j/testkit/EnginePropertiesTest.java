package io.gitops4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.gen.Generators;
import io.gitops4j.testkit.gen.ResourceGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Properties of the engine over generated desired states and live perturbations, on the in-memory target. */
class EnginePropertiesTest {
    private static final int EXAMPLES = 25;
    /** Fewer examples where each one parses YAML twice. */
    private static final int YAML_EXAMPLES = 12;
    private static final ReconcileOptions ANY_PRUNE = ReconcileOptions.builder().allowLargePrune().build();

    /** One engine, target and source for one example. */
    private static final class World {
        final InMemoryTarget target = InMemoryTarget.builder().clock(ManualClock.create()).build();
        final InMemorySource source;
        final GitOpsEngine engine;

        World(DesiredState initial) {
            source = InMemorySource.of(initial);
            engine = GitOpsEngine.builder().application("shop").source(source).target(target)
                    .clock(ManualClock.create()).build();
        }

        ReconcileResult reconcile() {
            return engine.reconcile(ANY_PRUNE);
        }

        void perturb(ResourceGenerator generator, int edits) {
            List<ResourceKey> keys = new ArrayList<>(target.contents().keySet());
            for (int i = 0; i < edits && !keys.isEmpty(); i++) {
                target.edit(keys.get(Math.floorMod(generator.seed() + i * 31L, keys.size())), generator.perturbation());
            }
        }
    }

    private static DesiredState state(String revision, List<Resource> resources) {
        return DesiredState.of(revision, resources);
    }

    /** Tells whether every field desired declares is in live with an equal value (lists item by item). */
    static boolean declaredFieldsMatch(JsonNode desired, JsonNode live) {
        if (live == null) {
            return false;
        }
        if (desired.isObject()) {
            for (Iterator<String> it = desired.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!live.isObject() || !declaredFieldsMatch(desired.get(name), live.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!live.isArray() || live.size() != desired.size()) {
                return false;
            }
            for (int i = 0; i < desired.size(); i++) {
                if (!declaredFieldsMatch(desired.get(i), live.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return desired.isNumber() && live.isNumber() ? desired.decimalValue().compareTo(live.decimalValue()) == 0
                : desired.equals(live);
    }

    @Test
    void aSecondReconcilePlansNothingEvenAfterDrift() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(0, 25), Generators.resourceGenerators(),
                Generate.range(0, 6)).checkAssert((resources, generator, edits) -> {
                    World world = new World(state("r1", resources));
                    assertThat(world.reconcile().outcome()).isIn(Outcome.APPLIED, Outcome.CONVERGED);
                    world.perturb(generator, edits);

                    ReconcileResult corrected = world.reconcile();
                    int writes = world.target.appliedKeys().size();
                    ReconcileResult again = world.reconcile();

                    assertThat(corrected.succeeded()).isTrue();
                    assertThat(again.outcome()).as(again.plan().toText()).isEqualTo(Outcome.CONVERGED);
                    assertThat(again.plan().hasChanges()).isFalse();
                    assertThat(world.target.appliedKeys()).hasSize(writes);
                });
    }

    @Test
    void afterReconcileLiveHoldsEveryDeclaredField() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(1, 25), Generators.resourceGenerators(),
                Generate.range(0, 6)).checkAssert((resources, generator, edits) -> {
                    World world = new World(state("r1", resources));
                    world.reconcile();
                    world.perturb(generator, edits);

                    world.reconcile();

                    SortedMap<ResourceKey, Resource> live = world.target.contents();
                    for (Resource desired : resources) {
                        assertThat(live).containsKey(desired.key());
                        assertThat(declaredFieldsMatch(desired.tree(), live.get(desired.key()).tree()))
                                .as("live %s holds every declared field", desired.key()).isTrue();
                    }
                });
    }

    @Test
    void shuffledManifestFilesGiveTheSamePlanText() {
        qt().withExamples(YAML_EXAMPLES).forAll(Generators.resources(1, 20), Generators.resourceGenerators())
                .checkAssert((resources, generator) -> {
                    World world = new World(state("r0", resources.subList(0, resources.size() / 2)));
                    world.reconcile();
                    world.perturb(generator, 3);
                    ManifestLoader loader = ManifestLoader.defaults();
                    ReconcileOptions dryRun = ANY_PRUNE.newBuilder().dryRun(true).build();

                    world.source.commit(loader.load("r1", generator.files(resources)));
                    ReconcileResult first = world.engine.reconcile(dryRun);
                    world.source.commit(loader.load("r1", generator.files(resources)));
                    ReconcileResult second = world.engine.reconcile(dryRun);

                    assertThat(second.revision()).isEqualTo(first.revision());
                    assertThat(second.plan().toText()).isEqualTo(first.plan().toText());
                    assertThat(second.plan().toJson()).isEqualTo(first.plan().toJson());
                });
    }

    @Test
    void neverDeletesAKeyOutsideTheInventory() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(1, 25), Generators.resourceGenerators())
                .checkAssert((resources, generator) -> {
                    World world = new World(state("r1", resources));
                    List<Resource> foreign = new ResourceGenerator(generator.seed() + 1).resources(8);
                    foreign.stream().filter(r -> resources.stream().noneMatch(d -> d.key().equals(r.key())))
                            .forEach(world.target::seed);
                    Set<ResourceKey> foreignKeys = new HashSet<>(world.target.contents().keySet());
                    world.reconcile();
                    Set<ResourceKey> owned = new HashSet<>(world.target.inventoryStore().load("shop").orElseThrow()
                            .keys());
                    Random pick = new Random(generator.seed());
                    List<Resource> kept = resources.stream().filter(r -> pick.nextBoolean()).toList();
                    Set<ResourceKey> keptKeys = kept.stream().map(Resource::key).collect(Collectors.toSet());
                    world.source.commit(state("r2", kept));

                    world.reconcile();

                    assertThat(owned).containsAll(world.target.deletedKeys());
                    assertThat(world.target.contents().keySet()).containsAll(foreignKeys);
                    assertThat(world.target.deletedKeys()).noneMatch(keptKeys::contains);
                });
    }

    @Test
    void neverDeletesAfterAFailedLoad() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(1, 25)).checkAssert(resources -> {
            World world = new World(state("r1", resources));
            world.reconcile();
            SortedMap<ResourceKey, Resource> before = world.target.contents();
            world.source.failLoads("the repository is unreachable");

            ReconcileResult result = world.reconcile();

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(world.target.deletedKeys()).isEmpty();
            assertThat(world.target.contents()).isEqualTo(before);
        });
    }

    @Test
    void neverDeletesAfterAFailedApply() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(2, 25), Generators.resourceGenerators(),
                Generate.range(1, 5)).checkAssert((resources, generator, failAt) -> {
                    World world = new World(state("r1", resources));
                    world.reconcile();
                    List<Resource> next = new ArrayList<>(resources.subList(0, resources.size() / 2));
                    next.replaceAll(generator::changed);
                    next.add(generator.configMap(resources.get(0).key().namespace().isEmpty()
                            ? resources.get(0).key().name() : resources.get(0).key().namespace(), "added-config"));
                    world.source.commit(state("r2", next));
                    world.target.failNthApply(failAt);

                    ReconcileResult result = world.reconcile();

                    if (!result.failedSteps().isEmpty()) {
                        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
                        assertThat(world.target.deletedKeys()).isEmpty();
                    }
                });
    }
}
