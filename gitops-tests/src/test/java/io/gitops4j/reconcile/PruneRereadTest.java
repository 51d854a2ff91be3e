package io.gitops4j.reconcile;

import static io.gitops4j.reconcile.TestObjects.configMap;
import static io.gitops4j.reconcile.TestObjects.key;
import static io.gitops4j.reconcile.TestObjects.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult.Status;
import io.gitops4j.TargetException;
import io.gitops4j.testkit.InMemorySource;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prune re-reads each object right before deleting it and deletes only what this application still owns. */
class PruneRereadTest {
    private static final ResourceKey OLD = key("ConfigMap/shop/old");

    private final RecordingTarget target = new RecordingTarget();
    private final InMemorySource source = InMemorySource.of(state("r1"));

    private GitOpsEngine engine() {
        return GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).build();
    }

    /** Given shop owns "a", "b" and "old", and the next revision no longer declares "old". */
    @BeforeEach
    void ownOldThenStopDeclaringIt() {
        source.commit(state("r1", configMap("a"), configMap("b"), configMap("old")));
        engine().reconcile();
        source.commit(state("r2", configMap("a"), configMap("b")));
    }

    /** Runs {@code change} on the second observe of the next run: after the plan, right before the delete. */
    private void betweenPlanAndDelete(Runnable change) {
        int[] observes = {0};
        target.onObserve = () -> {
            if (++observes[0] == 2) {
                change.run();
            }
        };
    }

    @Test
    void neverDeletesAnObjectAnotherApplicationClaimedAfterThePlanAndReleasesIt() {
        // given another application adopts "old" after this run planned to prune it
        betweenPlanAndDelete(() -> target.put(configMap("old",
                Map.of(WellKnownMetadata.TRACKING_ID, "blog:/ConfigMap:shop/old", WellKnownMetadata.ADOPT, "true"))));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        StepResult old = result.step(OLD).orElseThrow();
        assertThat(old.status()).isEqualTo(Status.SKIPPED);
        assertThat(old.message()).contains("tracked by another application",
                WellKnownMetadata.TRACKING_ID + "=blog:/ConfigMap:shop/old").endsWith("released from the inventory");
        assertThat(target.calls).noneMatch(call -> call.startsWith("delete"));
        assertThat(target.objects().get(OLD).annotation(WellKnownMetadata.TRACKING_ID)).contains("blog:/ConfigMap:shop/old");
        assertThat(target.inventory.load("shop").orElseThrow().contains(OLD)).isFalse();
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void releasesAnObjectThatIsGoneBeforeTheDelete() {
        // given
        betweenPlanAndDelete(() -> target.remove(OLD));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.step(OLD).orElseThrow().message()).contains("already gone")
                .endsWith("released from the inventory");
        assertThat(target.calls).noneMatch(call -> call.startsWith("delete"));
        assertThat(target.inventory.load("shop").orElseThrow().keys())
                .containsExactly(key("ConfigMap/shop/a"), key("ConfigMap/shop/b"));
    }

    @Test
    void keepsAnObjectWhosePruneWasDisabledAfterThePlan() {
        // given
        betweenPlanAndDelete(() -> target.put(configMap("old", Map.of(WellKnownMetadata.PRUNE, "disabled",
                WellKnownMetadata.TRACKING_ID, "shop:/ConfigMap:shop/old"))));

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.step(OLD).orElseThrow().message()).contains("gitops4j.io/prune=disabled");
        assertThat(target.objects()).containsKey(OLD);
    }

    @Test
    void deletesAnObjectThatIsStillOwnedWhenReread() {
        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.step(OLD).orElseThrow().status()).isEqualTo(Status.DELETED);
        assertThat(target.calls).containsSubsequence("observe", "observe", "delete ConfigMap/shop/old");
        assertThat(target.objects()).doesNotContainKey(OLD);
    }

    @Test
    void failsTheStepAndKeepsTheObjectWhenTheRereadFails() {
        // given
        betweenPlanAndDelete(() -> {
            throw new TargetException(OLD, "injected observe failure");
        });

        // when
        ReconcileResult result = engine().reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.step(OLD).orElseThrow().message()).contains("injected observe failure");
        assertThat(target.objects()).containsKey(OLD);
        assertThat(target.inventory.load("shop").orElseThrow().contains(OLD)).isTrue();
    }
}
