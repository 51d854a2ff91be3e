package io.gitops4j.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberedStateDiffTest {
    private static final String TEMPLATE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: NAME, namespace: shop}
            spec:
              replicas: 2
              template:
                spec:
                  containers: [{name: web, image: "web:1"}]
            """;

    private final CachingStateDifferTest.CountingDiffer counting =
            new CachingStateDifferTest.CountingDiffer(DefaultStateDiffer.defaults());
    private final CachingStateDiffer differ = CachingStateDiffer.wrap(counting);

    @Test
    void theSameStatesAgainGetTheSameStateDiffWithoutDiffingAnything() {
        Resource web = desired("web", "web:1");
        LiveResource live = live("web", "web:1", "uid-1", "1");
        DesiredState desired = DesiredState.of("r1", List.of(web));
        StateDiff first = differ.diff(desired, LiveState.of(List.of(live)));
        int calls = counting.calls.get();

        StateDiff again = differ.diff(desired, LiveState.of(List.of(live)));

        assertThat(again).isSameAs(first);
        assertThat(counting.calls.get()).isEqualTo(calls);
    }

    @Test
    void aChangedLiveObjectIsDiffedAloneAndTheOthersKeepTheirDiffs() {
        Resource web = desired("web", "web:1");
        Resource api = desired("api", "web:1");
        LiveResource liveApi = live("api", "web:1", "uid-1", "1");
        DesiredState desired = DesiredState.of("r1", List.of(web, api));
        StateDiff first = differ.diff(desired, LiveState.of(List.of(live("web", "web:1", "uid-2", "1"), liveApi)));
        int calls = counting.calls.get();

        StateDiff second = differ.diff(desired,
                LiveState.of(List.of(live("web", "web:9", "uid-2", "2"), liveApi)));

        assertThat(counting.calls.get()).isEqualTo(calls + 1);
        assertThat(second.resources().get(web.key()).type()).isEqualTo(ChangeType.UPDATE);
        assertThat(second.resources().get(api.key())).isSameAs(first.resources().get(api.key()));
        assertThat(CachingStateDifferTest.summary(second)).isEqualTo(CachingStateDifferTest.summary(
                DefaultStateDiffer.defaults().diff(desired, LiveState.of(List.of(
                        live("web", "web:9", "uid-2", "2"), liveApi)))));
    }

    @Test
    void aNewDesiredStateWithTheSameObjectsKeepsEveryDiff() {
        Resource web = desired("web", "web:1");
        LiveResource live = live("web", "web:2", "uid-1", "1");
        StateDiff first = differ.diff(DesiredState.of("r1", List.of(web)), LiveState.of(List.of(live)));

        StateDiff second = differ.diff(DesiredState.of("r2", List.of(web)), LiveState.of(List.of(live)));

        assertThat(second).isNotSameAs(first);
        assertThat(second.resources().get(web.key())).isSameAs(first.resources().get(web.key()));
        assertThat(second.resources().get(web.key()).type()).isEqualTo(ChangeType.UPDATE);
    }

    /**
     * Random sequences of states over a pool of objects (reused, as a source and an informer-like target hand
     * back the same objects), with resources appearing, disappearing, changing and drifting: every state diff
     * equals the wrapped differ's, holds the current objects, and the cache never answers for objects it was not
     * computed from.
     */
    @Test
    void rememberedDiffsAlwaysEqualTheWrappedDiffers() {
        qt().withExamples(120)
                .forAll(lists().of(integers().between(0, 1 << 20)).ofSizeBetween(1, 10))
                .checkAssert(picks -> {
                    List<List<Resource>> desiredPool = new ArrayList<>();
                    List<List<LiveResource>> livePool = new ArrayList<>();
                    for (int key = 0; key < 6; key++) {
                        String name = "app-" + key;
                        desiredPool.add(List.of(desired(name, "web:1"), desired(name, "web:2")));
                        livePool.add(List.of(live(name, "web:1", "uid-" + key, "1"),
                                live(name, "web:2", "uid-" + key, "2"), live(name, "web:1", "uid-x" + key, "1")));
                    }
                    CachingStateDiffer caching = CachingStateDiffer.wrap(DefaultStateDiffer.defaults());
                    for (int pick : picks) {
                        List<Resource> declared = new ArrayList<>();
                        List<LiveResource> observed = new ArrayList<>();
                        for (int key = 0; key < 6; key++) {
                            int d = (pick >> (key * 3)) % 3;
                            int l = (pick >> (key * 3 + 1)) % 4;
                            if (d < 2) {
                                declared.add(desiredPool.get(key).get(d));
                            }
                            if (l < 3) {
                                observed.add(livePool.get(key).get(l));
                            }
                        }
                        DesiredState desired = DesiredState.of("r" + (pick % 3), declared);
                        LiveState live = LiveState.of(observed);

                        StateDiff actual = caching.diff(desired, live);
                        StateDiff expected = DefaultStateDiffer.defaults().diff(desired, live);

                        assertThat(CachingStateDifferTest.summary(actual))
                                .isEqualTo(CachingStateDifferTest.summary(expected));
                        for (ResourceDiff diff : actual.inKeyOrder()) {
                            assertThat(diff.desiredOrNull()).isSameAs(desired.resources().get(diff.key()));
                            assertThat(diff.liveOrNull()).isSameAs(live.resources().get(diff.key()));
                        }
                    }
                });
    }

    private static Resource desired(String name, String image) {
        return Yaml.resource(TEMPLATE.replace("NAME", name).replace("web:1", image));
    }

    private static LiveResource live(String name, String image, String uid, String resourceVersion) {
        String yaml = TEMPLATE.replace("NAME", name).replace("web:1", image)
                .replace("metadata: {", "metadata: {uid: " + uid + ", resourceVersion: \"" + resourceVersion
                        + "\", generation: 1, ");
        return LiveResource.of(Yaml.resource(yaml), Yaml.resource(TEMPLATE.replace("NAME", name)));
    }
}
