package io.gitops4j.testkit.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.gitops4j.diff.CachingStateDiffer;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.gen.Generators;
import io.gitops4j.testkit.gen.ResourceGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The engine's properties (idempotence, order independence, prune safety) with {@link CachingStateDiffer} as the
 * differ, over the in-memory target (which sets uid and resourceVersion, so the cache is used), and proof that the
 * cache never hides a real change: drift, a revision moved back, an object recreated out of band.
 */
class CachedEnginePropertiesTest {
    private static final int EXAMPLES = 20;
    private static final ReconcileOptions ANY_PRUNE = ReconcileOptions.builder().allowLargePrune().build();
    private static final ReconcileOptions DRY_RUN = ANY_PRUNE.newBuilder().dryRun(true).build();

    /** One target and source, an engine with a caching differ and one without, for one example. */
    private static final class World {
        final InMemoryTarget target = InMemoryTarget.builder().clock(ManualClock.create()).build();
        final InMemorySource source;
        final GitOpsEngine cached;
        final GitOpsEngine uncached;

        World(DesiredState initial) {
            source = InMemorySource.of(initial);
            cached = engine(CachingStateDiffer.wrap(DefaultStateDiffer.defaults()));
            uncached = engine(DefaultStateDiffer.defaults());
        }

        private GitOpsEngine engine(io.gitops4j.diff.StateDiffer differ) {
            return GitOpsEngine.builder().application("shop").source(source).target(target).differ(differ)
                    .clock(ManualClock.create()).build();
        }

        ReconcileResult reconcile() {
            return cached.reconcile(ANY_PRUNE);
        }

        void perturb(ResourceGenerator generator, int edits) {
            List<ResourceKey> keys = new ArrayList<>(target.contents().keySet());
            for (int i = 0; i < edits && !keys.isEmpty(); i++) {
                target.edit(keys.get(Math.floorMod(generator.seed() + i * 31L, keys.size())), generator.perturbation());
            }
        }

        /** Every desired resource is live and in sync by the uncached differ (the oracle). */
        void assertLiveMatches(List<Resource> resources) {
            for (Resource desired : resources) {
                Resource live = target.contents().get(desired.key());
                assertThat(live).as("%s is live", desired.key()).isNotNull();
                assertThat(DefaultStateDiffer.defaults().diff(desired.key(), desired, LiveResource.of(live)).type())
                        .as("%s is in sync", desired.key()).isEqualTo(ChangeType.NONE);
            }
        }

        /** The cached engine plans exactly what a fresh, uncached diff plans. */
        void assertSamePlanAsUncached() {
            ReconcileResult withCache = cached.reconcile(DRY_RUN);
            ReconcileResult withoutCache = uncached.reconcile(DRY_RUN);
            assertThat(withCache.plan().toText()).isEqualTo(withoutCache.plan().toText());
        }
    }

    @Test
    void aSecondReconcilePlansNothingEvenAfterDrift() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(0, 25), Generators.resourceGenerators(),
                Generate.range(0, 6)).checkAssert((resources, generator, edits) -> {
                    World world = new World(DesiredState.of("r1", resources));
                    assertThat(world.reconcile().outcome()).isIn(Outcome.APPLIED, Outcome.CONVERGED);
                    world.reconcile();
                    world.perturb(generator, edits);
                    world.assertSamePlanAsUncached();

                    ReconcileResult corrected = world.reconcile();
                    int writes = world.target.appliedKeys().size();
                    ReconcileResult again = world.reconcile();

                    assertThat(corrected.succeeded()).isTrue();
                    assertThat(again.outcome()).as(again.plan().toText()).isEqualTo(Outcome.CONVERGED);
                    assertThat(world.target.appliedKeys()).hasSize(writes);
                });
    }

    @Test
    void anUnchangedReconcileIsAnsweredFromTheCache() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(1, 25)).checkAssert(resources -> {
            InMemoryTarget target = InMemoryTarget.builder().clock(ManualClock.create()).build();
            CountingDiffer counting = new CountingDiffer(DefaultStateDiffer.defaults());
            GitOpsEngine engine = GitOpsEngine.builder().application("shop")
                    .source(InMemorySource.of(DesiredState.of("r1", resources))).target(target)
                    .differ(CachingStateDiffer.wrap(counting)).clock(ManualClock.create()).build();
            engine.reconcile(ANY_PRUNE);
            engine.reconcile(ANY_PRUNE);
            int before = counting.resourceDiffs.get();

            ReconcileResult steady = engine.reconcile(ANY_PRUNE);

            assertThat(steady.outcome()).isEqualTo(Outcome.CONVERGED);
            assertThat(counting.resourceDiffs.get()).isEqualTo(before);
        });
    }

    @Test
    void shuffledManifestFilesGiveTheSamePlanAsWithoutCache() {
        qt().withExamples(12).forAll(Generators.resources(1, 20), Generators.resourceGenerators())
                .checkAssert((resources, generator) -> {
                    World world = new World(DesiredState.of("r0", resources.subList(0, resources.size() / 2)));
                    world.reconcile();
                    world.perturb(generator, 3);
                    ManifestLoader loader = ManifestLoader.defaults();

                    world.source.commit(loader.load("r1", generator.files(resources)));
                    String first = world.cached.reconcile(DRY_RUN).plan().toText();
                    world.source.commit(loader.load("r1", generator.files(resources)));
                    String second = world.cached.reconcile(DRY_RUN).plan().toText();

                    assertThat(second).isEqualTo(first);
                    assertThat(world.uncached.reconcile(DRY_RUN).plan().toText()).isEqualTo(first);
                });
    }

    @Test
    void neverDeletesAKeyOutsideTheInventory() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(1, 25), Generators.resourceGenerators())
                .checkAssert((resources, generator) -> {
                    World world = new World(DesiredState.of("r1", resources));
                    List<Resource> foreign = new ResourceGenerator(generator.seed() + 1).resources(8);
                    foreign.stream().filter(r -> resources.stream().noneMatch(d -> d.key().equals(r.key())))
                            .forEach(world.target::seed);
                    Set<ResourceKey> foreignKeys = new HashSet<>(world.target.contents().keySet());
                    world.reconcile();
                    world.reconcile();
                    Set<ResourceKey> owned = new HashSet<>(world.target.inventoryStore().load("shop").orElseThrow()
                            .keys());
                    Random pick = new Random(generator.seed());
                    List<Resource> kept = resources.stream().filter(r -> pick.nextBoolean()).toList();
                    Set<ResourceKey> keptKeys = kept.stream().map(Resource::key).collect(Collectors.toSet());
                    world.source.commit(DesiredState.of("r2", kept));

                    world.reconcile();

                    assertThat(owned).containsAll(world.target.deletedKeys());
                    assertThat(world.target.contents().keySet()).containsAll(foreignKeys);
                    assertThat(world.target.deletedKeys()).noneMatch(keptKeys::contains);
                });
    }

    @Test
    void revisionMovedBackIsAppliedAgain() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(1, 20), Generators.resourceGenerators())
                .checkAssert((resources, generator) -> {
                    World world = new World(DesiredState.of("r1", resources));
                    world.reconcile();
                    world.reconcile();
                    List<Resource> changed = new ArrayList<>(resources);
                    changed.replaceAll(generator::changed);
                    world.source.commit(DesiredState.of("r2", changed));
                    world.reconcile();

                    world.source.commit(DesiredState.of("r1", resources));
                    world.assertSamePlanAsUncached();
                    ReconcileResult back = world.reconcile();
                    ReconcileResult again = world.reconcile();

                    assertThat(back.succeeded()).isTrue();
                    assertThat(again.outcome()).isEqualTo(Outcome.CONVERGED);
                    world.assertLiveMatches(resources);
                });
    }

    @Test
    void objectRecreatedOutOfBandIsSeenAsDrift() {
        qt().withExamples(EXAMPLES).forAll(Generators.resources(1, 20), Generators.resourceGenerators())
                .checkAssert((resources, generator) -> {
                    World world = new World(DesiredState.of("r1", resources));
                    world.reconcile();
                    world.reconcile();
                    Resource victim = resources.get(0);
                    world.target.delete(victim.key(), DeleteOptions.DEFAULT);
                    world.target.seed(generator.changed(victim));
                    world.assertSamePlanAsUncached();

                    ReconcileResult corrected = world.reconcile();

                    assertThat(corrected.succeeded()).isTrue();
                    assertThat(world.reconcile().outcome()).isEqualTo(Outcome.CONVERGED);
                    world.assertLiveMatches(resources);
                });
    }
}
