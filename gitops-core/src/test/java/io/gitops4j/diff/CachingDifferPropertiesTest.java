package io.gitops4j.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingDifferPropertiesTest {

    /**
     * Random sequences over small pools of desired revisions, live versions (each a distinct uid + resourceVersion,
     * as a target promises) and last-applied states: every answer equals the wrapped differ's.
     */
    @Test
    void cachingDifferReturnsExactlyWhatTheWrappedDifferReturns() {
        qt().withExamples(60)
                .forAll(lists().of(ResourceTrees.resources()).ofSizeBetween(1, 3), longs().all(),
                        lists().of(integers().between(0, 1_000)).ofSizeBetween(1, 30))
                .checkAssert((bodies, seed, picks) -> {
                    List<Resource> desiredPool = new ArrayList<>();
                    List<LiveResource> livePool = new ArrayList<>();
                    for (int i = 0; i < bodies.size(); i++) {
                        ObjectNode body = bodies.get(i);
                        desiredPool.add(Resource.of(body));
                        for (int version = 0; version < 2; version++) {
                            ObjectNode live = ResourceTrees.serve(version == 0 ? body : bodies.get(0), seed + i);
                            ObjectNode metadata = (ObjectNode) live.get("metadata");
                            metadata.put("uid", "uid-" + (version == 0 ? "a" : "b"));
                            metadata.put("resourceVersion", Integer.toString(i));
                            Resource lastApplied = version == 0 ? null : Resource.of(bodies.get(i));
                            livePool.add(LiveResource.of(Resource.of(live), lastApplied));
                        }
                    }
                    CachingStateDiffer caching = CachingStateDiffer.wrap(DefaultStateDiffer.defaults(), 2);
                    for (int pick : picks) {
                        Resource desired = desiredPool.get(pick % desiredPool.size());
                        LiveResource live = livePool.get((pick / 7) % livePool.size());

                        ResourceDiff expected = DefaultStateDiffer.defaults().diff(desired.key(), desired, live);
                        ResourceDiff actual = caching.diff(desired.key(), desired, live);

                        assertThat(actual.type()).isEqualTo(expected.type());
                        assertThat(actual.changes()).isEqualTo(expected.changes());
                        assertThat(actual.desired()).containsSame(desired);
                        assertThat(actual.live()).containsSame(live);
                    }
                });
    }
}
