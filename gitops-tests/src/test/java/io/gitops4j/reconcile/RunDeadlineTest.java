package io.gitops4j.reconcile;

import static io.gitops4j.reconcile.TestObjects.configMap;
import static io.gitops4j.reconcile.TestObjects.key;
import static io.gitops4j.reconcile.TestObjects.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult.Status;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The run deadline: checked on the manual clock at every step boundary, never by sleeping. */
class RunDeadlineTest {
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    private static final Duration SLOW_CALL = Duration.ofSeconds(40);

    private final RecordingTarget target = new RecordingTarget();
    private final InMemorySource source = InMemorySource.of(state("r1"));
    private final ManualClock clock = ManualClock.create();

    private GitOpsEngine engine() {
        return GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).clock(clock).sleeper(clock).build();
    }

    private static ReconcileOptions withDeadline(Duration deadline) {
        return ReconcileOptions.builder().deadline(deadline).build();
    }

    @Test
    void stopsAtTheNextApplyPastTheDeadlineAndSkipsTheRest() {
        // given three objects, each apply taking 40 seconds, and a one-minute deadline
        source.commit(state("r1", configMap("a"), configMap("b"), configMap("c")));
        target.onApply = () -> clock.sleep(SLOW_CALL);

        // when
        ReconcileResult result = engine().reconcile(withDeadline(ONE_MINUTE));

        // then a and b are applied, c is skipped naming the deadline, and the run is TIMED_OUT at c
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.timedOutAt()).contains("applying ConfigMap/shop/c");
        assertThat(result.steps()).extracting(StepResult::status)
                .containsExactly(Status.APPLIED, Status.APPLIED, Status.SKIPPED);
        assertThat(result.step(key("ConfigMap/shop/c")).orElseThrow().message())
                .contains("deadline of PT1M", "applying ConfigMap/shop/c");
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("deadline of PT1M"));
        assertThat(target.objects()).doesNotContainKey(key("ConfigMap/shop/c"));
        assertThat(target.inventory.load("shop").orElseThrow().keys())
                .containsExactly(key("ConfigMap/shop/a"), key("ConfigMap/shop/b"));
        assertThat(result.toString()).contains("TIMED_OUT", "timedOutAt=applying ConfigMap/shop/c");
    }

    @Test
    void neverPrunesAfterATimeout() {
        // given an owned object that is no longer declared, and applies that outlast the deadline
        source.commit(state("r1", configMap("a"), configMap("b"), configMap("old")));
        engine().reconcile();
        source.commit(state("r2", configMap("a2"), configMap("b2"), configMap("a"), configMap("b")));
        target.onApply = () -> clock.sleep(SLOW_CALL);

        // when
        ReconcileResult result = engine().reconcile(ReconcileOptions.builder().deadline(Duration.ofSeconds(80))
                .allowLargePrune().build());

        // then both applies ran, the prune was stopped at its boundary, and the old object is still owned
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.timedOutAt()).contains("pruning 1 resource(s)");
        assertThat(result.step(key("ConfigMap/shop/old")).orElseThrow())
                .satisfies(step -> assertThat(step.status()).isEqualTo(Status.SKIPPED))
                .satisfies(step -> assertThat(step.message()).contains("deadline of PT1M20S"));
        assertThat(target.calls).noneMatch(call -> call.startsWith("delete"));
        assertThat(target.objects()).containsKey(key("ConfigMap/shop/old"));
        assertThat(target.inventory.load("shop").orElseThrow().contains(key("ConfigMap/shop/old"))).isTrue();
    }

    @Test
    void stopsAtTheNextDeletePastTheDeadline() {
        // given three owned objects to prune, each delete taking 40 seconds
        source.commit(state("r1", configMap("a"), configMap("old1"), configMap("old2"), configMap("old3")));
        engine().reconcile();
        source.commit(state("r2", configMap("a")));
        target.onDelete = () -> clock.sleep(SLOW_CALL);

        // when
        ReconcileResult result = engine().reconcile(ReconcileOptions.builder().deadline(ONE_MINUTE)
                .allowLargePrune().build());

        // then two deletes ran and the third was skipped and stays owned
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.steps()).extracting(StepResult::status)
                .containsExactly(Status.DELETED, Status.DELETED, Status.SKIPPED);
        ResourceKey last = result.steps().get(2).key();
        assertThat(result.timedOutAt()).contains("deleting " + last);
        assertThat(target.objects()).containsKey(last);
        assertThat(target.inventory.load("shop").orElseThrow().keys()).containsExactly(key("ConfigMap/shop/a"), last);
    }

    @Test
    void aSlowLoadTimesOutBeforeAnythingReachesTheTarget() {
        // given a load that takes longer than the deadline
        source.commit(state("r1", configMap("a")));
        source.onLoad(() -> clock.sleep(Duration.ofMinutes(2)));

        // when
        ReconcileResult result = engine().reconcile(withDeadline(ONE_MINUTE));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.timedOutAt()).contains("preparing revision r1");
        assertThat(target.calls).isEmpty();
        assertThat(target.inventory.load("shop")).isEmpty();
    }

    @Test
    void theHealthWaitEndsAtTheDeadlineAndReportsWhatIsUnhealthy() {
        // given a resource that never becomes healthy, a long health timeout and a one-minute deadline
        source.commit(state("r1", configMap("ready"), configMap("stuck")));
        target.health = live -> live.key().name().equals("stuck")
                ? Health.progressing("0 of 1 replicas available") : Health.healthy();

        // when
        ReconcileResult result = engine().reconcile(ReconcileOptions.builder().deadline(ONE_MINUTE)
                .healthTimeout(Duration.ofMinutes(10)).build());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.timedOutAt()).contains("waiting for the health of 2 resources");
        assertThat(result.unhealthy()).containsOnlyKeys(key("ConfigMap/shop/stuck"));
        assertThat(result.duration()).isEqualTo(ONE_MINUTE);
        assertThat(target.inventory.load("shop").orElseThrow().keys()).hasSize(2);
    }

    @Test
    void aHealthTimeoutWithinTheDeadlineIsNotATimeoutOfTheRun() {
        // given
        source.commit(state("r1", configMap("stuck")));
        target.health = live -> Health.progressing("starting");

        // when
        ReconcileResult result = engine().reconcile(ReconcileOptions.builder().deadline(ONE_MINUTE)
                .healthTimeout(Duration.ofSeconds(10)).build());

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.timedOutAt()).isEmpty();
        assertThat(result.unhealthy()).containsOnlyKeys(key("ConfigMap/shop/stuck"));
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aRunWithinItsDeadlineIsUnaffected() {
        // given
        source.commit(state("r1", configMap("a")));
        target.onApply = () -> clock.sleep(SLOW_CALL);

        // when
        ReconcileResult result = engine().reconcile(withDeadline(ONE_MINUTE));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.error()).isEmpty();
        assertThat(result.timedOutAt()).isEmpty();
    }

    @Test
    void defaultsToFiveMinutesAndRejectsANonPositiveDeadline() {
        assertThat(ReconcileOptions.defaults().deadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(withDeadline(ONE_MINUTE).newBuilder().build().deadline()).isEqualTo(ONE_MINUTE);
        assertThatThrownBy(() -> withDeadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deadline");
        assertThatThrownBy(() -> withDeadline(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
