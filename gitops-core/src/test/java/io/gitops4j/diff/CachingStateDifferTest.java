package io.gitops4j.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingStateDifferTest {
    private static final String V1 = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec: {replicas: 2, template: {spec: {containers: [{name: web, image: "web:1"}]}}}
            """;
    private static final String V2 = V1.replace("web:1", "web:2");

    private final CountingDiffer counting = new CountingDiffer(DefaultStateDiffer.defaults());
    private final CachingStateDiffer differ = CachingStateDiffer.wrap(counting);

    @Test
    void unchangedPairIsAHitThatHoldsTheCurrentObjects() {
        Resource desired = Yaml.resource(V1);
        differ.diff(desired.key(), desired, live(V1, "uid-1", "10", null));
        Resource sameContent = Yaml.resource(V1);
        LiveResource reobserved = live(V1, "uid-1", "10", null);

        ResourceDiff diff = differ.diff(desired.key(), sameContent, reobserved);

        assertThat(counting.calls.get()).isEqualTo(1);
        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
        assertThat(diff.desired()).containsSame(sameContent);
        assertThat(diff.live()).containsSame(reobserved);
    }

    @Test
    void theSameObjectsAgainAreAHitAndSoAreNewObjectsOfTheSameVersion() {
        Resource desired = Yaml.resource(V1);
        LiveResource live = live(V1, "uid-1", "10", V1);
        differ.diff(desired.key(), desired, live);

        ResourceDiff again = differ.diff(desired.key(), desired, live);
        ResourceDiff reobserved = differ.diff(desired.key(), desired, live(V1, "uid-1", "10", V1));
        ResourceDiff backToFirst = differ.diff(desired.key(), desired, live);

        assertThat(counting.calls.get()).isEqualTo(1);
        assertThat(again.live()).containsSame(live);
        assertThat(reobserved.type()).isEqualTo(ChangeType.NONE);
        assertThat(backToFirst.live()).containsSame(live);
    }

    @Test
    void cachedUpdateKeepsItsFieldChanges() {
        Resource desired = Yaml.resource(V2);
        ResourceDiff first = differ.diff(desired.key(), desired, live(V1, "uid-1", "10", null));

        ResourceDiff second = differ.diff(desired.key(), desired, live(V1, "uid-1", "10", null));

        assertThat(counting.calls.get()).isEqualTo(1);
        assertThat(second.type()).isEqualTo(ChangeType.UPDATE);
        assertThat(second.changes()).isEqualTo(first.changes()).isNotEmpty();
    }

    @Test
    void newResourceVersionIsAMissThatSeesTheLiveChange() {
        Resource desired = Yaml.resource(V1);
        differ.diff(desired.key(), desired, live(V1, "uid-1", "10", null));

        ResourceDiff diff = differ.diff(desired.key(), desired, live(V2, "uid-1", "11", null));

        assertThat(counting.calls.get()).isEqualTo(2);
        assertThat(diff.type()).isEqualTo(ChangeType.UPDATE);
    }

    @Test
    void recreatedObjectReusingTheResourceVersionIsAMiss() {
        Resource desired = Yaml.resource(V1);
        differ.diff(desired.key(), desired, live(V1, "uid-1", "10", null));

        ResourceDiff diff = differ.diff(desired.key(), desired, live(V2, "uid-2", "10", null));

        assertThat(diff.type()).isEqualTo(ChangeType.UPDATE);
    }

    @Test
    void newGenerationWithTheSameResourceVersionIsAMiss() {
        Resource desired = Yaml.resource(V1);
        differ.diff(desired.key(), desired, live(V1, "uid-1", "10", null));

        ResourceDiff diff = differ.diff(desired.key(), desired, withGeneration(live(V2, "uid-1", "10", null), 7));

        assertThat(diff.type()).isEqualTo(ChangeType.UPDATE);
    }

    @Test
    void desiredRevertedToAnOlderRevisionGetsTheRightDiff() {
        Resource old = Yaml.resource(V1);
        Resource next = Yaml.resource(V2);
        LiveResource live = live(V2, "uid-1", "11", null);
        assertThat(differ.diff(old.key(), next, live).type()).isEqualTo(ChangeType.NONE);

        ResourceDiff reverted = differ.diff(old.key(), old, live);

        assertThat(reverted.type()).isEqualTo(ChangeType.UPDATE);
        assertThat(reverted.changes()).extracting(FieldChange::path)
                .containsExactly("/spec/template/spec/containers/0/image");
        assertThat(differ.diff(old.key(), next, live).type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void changedLastAppliedIsAMiss() {
        String desiredYaml = V1.replace("replicas: 2", "replicas: 2, paused: true");
        Resource withoutPaused = Yaml.resource(V1);
        LiveResource appliedWithPaused = live(desiredYaml, "uid-1", "10", desiredYaml);
        assertThat(differ.diff(withoutPaused.key(), withoutPaused, appliedWithPaused).type())
                .isEqualTo(ChangeType.UPDATE);

        ResourceDiff diff = differ.diff(withoutPaused.key(), withoutPaused,
                live(desiredYaml, "uid-1", "10", V1));

        assertThat(diff.type()).isEqualTo(ChangeType.NONE);
        assertThat(counting.calls.get()).isEqualTo(2);
    }

    @Test
    void aVersionedLiveObjectIsRecognisedByItsIdentityAloneWhenBothCopiesAreVersioned() {
        Resource desired = Yaml.resource(V1);
        LiveResource first = live(V1, "uid-1", "10", V1);
        LiveResource versioned = LiveResource.versioned(first.object(), first.lastApplied().orElseThrow());
        differ.diff(desired.key(), desired, versioned);

        // a new copy of the same version whose last-applied copy differs: only a promise-keeping target may skip it
        LiveResource sameVersion = live(V1, "uid-1", "10", V2);
        ResourceDiff trusted = differ.diff(desired.key(), desired,
                LiveResource.versioned(sameVersion.object(), sameVersion.lastApplied().orElseThrow()));
        assertThat(counting.calls.get()).isEqualTo(1);
        assertThat(trusted.type()).isEqualTo(ChangeType.NONE);

        differ.diff(desired.key(), desired, sameVersion);
        assertThat(counting.calls.get()).as("not versioned: the last-applied digest is compared").isEqualTo(2);
    }

    @Test
    void objectsWithoutUidOrResourceVersionAreAlwaysDiffed() {
        Resource desired = Yaml.resource(V1);
        LiveResource noVersion = LiveResource.of(Yaml.resource(V1));

        differ.diff(desired.key(), desired, noVersion);
        differ.diff(desired.key(), desired, noVersion);
        differ.diff(desired.key(), desired, live(V1, "", "10", null));
        differ.diff(desired.key(), desired, live(V1, "", "10", null));

        assertThat(counting.calls.get()).isEqualTo(4);
    }

    @Test
    void createAndDeleteAreNotCachedAndKeepTheirSide() {
        Resource desired = Yaml.resource(V1);
        LiveResource live = live(V1, "uid-1", "10", null);

        assertThat(differ.diff(desired.key(), desired, null).type()).isEqualTo(ChangeType.CREATE);
        assertThat(differ.diff(desired.key(), null, live).type()).isEqualTo(ChangeType.DELETE);
        assertThat(differ.diff(desired.key(), desired, live).type()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void stateDiffEqualsTheWrappedDiffersOnEveryRun() {
        Resource web = Yaml.resource(V2);
        Resource other = Yaml.resource(V1.replace("name: web, namespace", "name: api, namespace"));
        LiveResource orphan = live(V1.replace("name: web, namespace", "name: old, namespace"), "uid-9", "3", null);
        DesiredState desired = DesiredState.of("r1", List.of(web, other));
        LiveState live = LiveState.of(List.of(live(V1, "uid-1", "10", null), orphan));

        StateDiff first = differ.diff(desired, live);
        StateDiff second = differ.diff(desired, live);

        StateDiff expected = DefaultStateDiffer.defaults().diff(desired, live);
        assertThat(summary(first)).isEqualTo(summary(expected)).isEqualTo(summary(second));
        assertThat(second.count(ChangeType.UPDATE)).isEqualTo(1);
        assertThat(second.count(ChangeType.CREATE)).isEqualTo(1);
        assertThat(second.count(ChangeType.DELETE)).isEqualTo(1);
    }

    @Test
    void boundedCacheStillAnswersCorrectly() {
        CachingStateDiffer tiny = CachingStateDiffer.wrap(counting, 1);
        Resource a = Yaml.resource(V1);
        Resource b = Yaml.resource(V2.replace("name: web, namespace", "name: b, namespace"));
        LiveResource liveA = live(V1, "uid-a", "1", null);
        LiveResource liveB = live(V1.replace("name: web, namespace", "name: b, namespace"), "uid-b", "2", null);

        for (int i = 0; i < 3; i++) {
            assertThat(tiny.diff(a.key(), a, liveA).type()).isEqualTo(ChangeType.NONE);
            assertThat(tiny.diff(b.key(), b, liveB).type()).isEqualTo(ChangeType.UPDATE);
        }
    }

    @Test
    void sharedByThreadsItAgreesWithTheWrappedDiffer() throws Exception {
        List<Resource> desired = new ArrayList<>();
        List<LiveResource> live = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "name: w" + i + ", namespace";
            desired.add(Yaml.resource((i % 3 == 0 ? V2 : V1).replace("name: web, namespace", name)));
            live.add(live(V1.replace("name: web, namespace", name), "uid-" + i, "1", null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<ChangeType>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    List<ChangeType> types = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < desired.size(); i++) {
                            types.add(differ.diff(desired.get(i).key(), desired.get(i), live.get(i)).type());
                        }
                    }
                    return types;
                });
            }
            for (Future<List<ChangeType>> result : pool.invokeAll(tasks, 1, TimeUnit.MINUTES)) {
                List<ChangeType> types = result.get();
                for (int i = 0; i < types.size(); i++) {
                    ChangeType expected = (i % desired.size()) % 3 == 0 ? ChangeType.UPDATE : ChangeType.NONE;
                    assertThat(types.get(i)).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counting.calls.get()).isLessThan(8 * 20 * desired.size());
    }

    static List<String> summary(StateDiff diff) {
        return diff.resources().values().stream().map(d -> d.type() + " " + d.key() + " " + d.changes()).toList();
    }

    private static LiveResource live(String yaml, String uid, String resourceVersion, String lastAppliedYaml) {
        Resource object = Yaml.resource(yaml.replace("metadata: {", "metadata: {uid: \"" + uid
                + "\", resourceVersion: \"" + resourceVersion + "\", generation: 1, "));
        return LiveResource.of(object, lastAppliedYaml == null ? null : Yaml.resource(lastAppliedYaml));
    }

    private static LiveResource withGeneration(LiveResource live, int generation) {
        var body = live.object().body();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("metadata")).put("generation", generation);
        return LiveResource.of(Resource.of(body), live.lastApplied().orElse(null));
    }

    /** Counts the diffs the cache could not answer. */
    static final class CountingDiffer implements StateDiffer {
        final AtomicInteger calls = new AtomicInteger();
        private final StateDiffer delegate;

        CountingDiffer(StateDiffer delegate) {
            this.delegate = delegate;
        }

        @Override
        public StateDiff diff(DesiredState desired, LiveState live) {
            return delegate.diff(desired, live);
        }

        @Override
        public ResourceDiff diff(ResourceKey key, Resource desired, LiveResource live) {
            calls.incrementAndGet();
            return delegate.diff(key, desired, live);
        }
    }
}
