package io.gitops4j.reconcile;

import static io.gitops4j.reconcile.TestObjects.configMap;
import static io.gitops4j.reconcile.TestObjects.key;
import static io.gitops4j.reconcile.TestObjects.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.Resource;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult.Status;
import io.gitops4j.testkit.InMemorySource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Applying over an object another application owns: a clear conflict, unless the desired object adopts it. */
class OwnershipTest {
    private static final String BLOGS_ID = "blog:/ConfigMap:shop/a";
    private static final Map<String, String> ADOPT = Map.of(WellKnownMetadata.ADOPT, WellKnownMetadata.ADOPT_TRUE);

    private final RecordingTarget target = new RecordingTarget();
    private final InMemorySource source = InMemorySource.of(state("r1"));

    private GitOpsEngine engine() {
        return GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).build();
    }

    private static Resource ownedByBlog(String name) {
        return configMap(name, Map.of(WellKnownMetadata.TRACKING_ID, "blog:/ConfigMap:shop/" + name));
    }

    @Test
    void refusesToApplyOverAnObjectAnotherApplicationOwnsAndDoesNotPrune() {
        // given shop owns "old", and blog owns the live "a" that shop now declares
        source.commit(state("r1", configMap("old"), configMap("b")));
        engine().reconcile();
        target.put(ownedByBlog("a"));
        source.commit(state("r2", configMap("a"), configMap("b")));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        StepResult a = result.step(key("ConfigMap/shop/a")).orElseThrow();
        assertThat(a.status()).isEqualTo(Status.FAILED);
        assertThat(a.action()).isEqualTo(ChangeType.UPDATE);
        assertThat(a.message()).contains("owned by application blog", WellKnownMetadata.TRACKING_ID + "=" + BLOGS_ID,
                "gitops4j.io/adopt: \"true\"");
        assertThat(target.objects().get(key("ConfigMap/shop/a")).annotation(WellKnownMetadata.TRACKING_ID)).contains(BLOGS_ID);
        assertThat(target.calls).doesNotContain("apply ConfigMap/shop/a");
        assertThat(result.step(key("ConfigMap/shop/old")).orElseThrow().status()).isEqualTo(Status.SKIPPED);
        assertThat(target.objects()).containsKey(key("ConfigMap/shop/old"));
    }

    @Test
    void takesOverAnObjectAnotherApplicationOwnsWhenTheDesiredObjectAdoptsIt() {
        // given
        target.put(ownedByBlog("a"));
        source.commit(state("r1", configMap("a", ADOPT)));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(target.objects().get(key("ConfigMap/shop/a")).annotation(WellKnownMetadata.TRACKING_ID))
                .contains("shop:/ConfigMap:shop/a");
        assertThat(target.inventory.load("shop").orElseThrow().contains(key("ConfigMap/shop/a"))).isTrue();
    }

    @Test
    void adoptsAnObjectCreatedByHandAsBefore() {
        // given a live object without a tracking id
        target.put(configMap("a", Map.of("note", "made with kubectl")));
        source.commit(state("r1", configMap("a")));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.step(key("ConfigMap/shop/a")).orElseThrow().action()).isEqualTo(ChangeType.UPDATE);
    }

    @Test
    void aCreateThatFindsTheObjectLiveOwnedByAnotherApplicationIsAConflictToo() {
        // given another application creates "a" after this run observed the live state
        source.commit(state("r1", configMap("a")));
        int[] observes = {0};
        target.onObserve = () -> {
            if (++observes[0] == 2) {
                target.put(ownedByBlog("a"));
            }
        };

        // when
        ReconcileResult result = engine().reconcile();

        // then
        StepResult a = result.step(key("ConfigMap/shop/a")).orElseThrow();
        assertThat(a.action()).isEqualTo(ChangeType.CREATE);
        assertThat(a.status()).isEqualTo(Status.FAILED);
        assertThat(a.message()).contains("owned by application blog");
        assertThat(target.objects().get(key("ConfigMap/shop/a")).annotation(WellKnownMetadata.TRACKING_ID)).contains(BLOGS_ID);
    }

    @Test
    void decidesByTheApplicationNamedInTheTrackingId() {
        Resource desired = configMap("a");
        assertThat(Ownership.conflict("shop", desired, configMap("a"))).isEmpty();
        assertThat(Ownership.conflict("shop", desired, configMap("a",
                Map.of(WellKnownMetadata.TRACKING_ID, "shop:/ConfigMap:shop/copied-from")))).isEmpty();
        assertThat(Ownership.conflict("shop", desired, ownedByBlog("a"))).isPresent();
        assertThat(Ownership.conflict("shop", configMap("a", Map.of(WellKnownMetadata.ADOPT, " True ")), ownedByBlog("a")))
                .isEmpty();
        assertThat(Ownership.conflict("shop", configMap("a", Map.of(WellKnownMetadata.ADOPT, "no")), ownedByBlog("a")))
                .isPresent();
    }
}
