package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.health.Health;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.inventory.RunRecord.HealthOutcome;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.testkit.InMemoryTarget;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RollbackTest {
    private final LoopFixture loop = new LoopFixture();
    private final ScriptedSource source = new ScriptedSource("repo");

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void rollbackAppliesTheEarlierRevisionAndPinsItUntilUnpinned() {
        // given
        Revision r1 = source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        source.commit("r2", "a=blue", "b=green");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // when
        loop.controller.rollback("shop", r1);

        // then
        assertThat(color()).isEqualTo("red");
        assertThat(loop.target.contents()).doesNotContainKey(SchedulingTest.key("b"));
        ApplicationStatus pinned = loop.controller.status("shop");
        assertThat(pinned.pinnedRevision()).contains(r1);
        assertThat(pinned.lastAppliedRevision().orElseThrow().id()).isEqualTo("r1");
        assertThat(loop.controller.history("shop")).last().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo(RunReason.ROLLBACK);
            assertThat(entry.pinned()).isTrue();
            assertThat(entry.revision()).isEqualTo("r1");
        });

        // when
        source.commit("r3", "a=yellow");
        loop.scheduler.advance(LoopFixture.INTERVAL.multipliedBy(3));

        // then
        ApplicationStatus stillPinned = loop.controller.status("shop");
        assertThat(color()).isEqualTo("red");
        assertThat(stillPinned.latestRevisionId()).contains("r3");
        assertThat(stillPinned.lastAppliedRevision().orElseThrow().id()).isEqualTo("r1");
        assertThat(stillPinned.syncState()).isEqualTo(SyncState.SYNCED);

        // when
        loop.controller.unpin("shop");

        // then
        ApplicationStatus unpinned = loop.controller.status("shop");
        assertThat(unpinned.pinnedRevision()).isEmpty();
        assertThat(unpinned.lastAppliedRevision().orElseThrow().id()).isEqualTo("r3");
        assertThat(color()).isEqualTo("yellow");
        assertThat(loop.controller.history("shop")).last().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo(RunReason.UNPIN);
            assertThat(entry.pinned()).isFalse();
        });
    }

    @Test
    void pinnedApplicationKeepsItsRevisionWhenTheSourceIsDown() {
        // given
        Revision r1 = source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        source.commit("r2", "a=blue");
        loop.scheduler.advance(LoopFixture.INTERVAL);
        loop.controller.rollback("shop", r1);

        // when
        source.goDown("connection refused");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.lastAppliedRevision().orElseThrow().id()).isEqualTo("r1");
        assertThat(status.pinnedRevision()).contains(r1);
        assertThat(color()).isEqualTo("red");
        assertThat(loop.target.deleteCount()).isZero();
    }

    private String color() {
        return loop.target.contents().get(SchedulingTest.key("a")).tree().at("/data/color").asText();
    }

    @Test
    void rollbackToTheLastGoodRevisionSkipsOneWhoseHealthWaitFailed() {
        // given r1 healthy, r2 applied but never healthy within its health wait, r3 healthy and applied now
        InMemoryTarget target = InMemoryTarget.builder().healthAssessor(live -> "broken".equals(
                live.body().path("data").path("color").asText()) ? Optional.of(Health.progressing("stuck"))
                : Optional.empty()).build();
        try (LoopFixture fixture = new LoopFixture(target)) {
            Revision r1 = source.commit("r1", "a=red");
            fixture.controller.add(fixture.app("shop", source).reconcileOptions(ReconcileOptions.builder()
                    .healthTimeout(Duration.ofSeconds(30)).build()).build());
            source.commit("r2", "a=broken");
            fixture.scheduler.advance(LoopFixture.INTERVAL);
            source.commit("r3", "a=green");
            fixture.scheduler.advanceToNext();
            assertThat(fixture.controller.records("shop")).extracting(RunRecord::health).containsExactly(
                    HealthOutcome.HEALTHY, HealthOutcome.UNHEALTHY, HealthOutcome.HEALTHY);

            // when
            Revision chosen = fixture.controller.rollback("shop");

            // then r2 is passed over for r1, which is applied and pinned
            assertThat(chosen.id()).isEqualTo("r1");
            assertThat(chosen).isEqualTo(r1);
            assertThat(fixture.controller.status("shop").pinnedRevision()).contains(r1);
            assertThat(fixture.target.contents().get(SchedulingTest.key("a")).body().path("data").path("color")
                    .asText()).isEqualTo("red");
        }
    }

    @Test
    void rollbackWithoutAHealthyEarlierRunSaysSo() {
        // given only one revision ever ran
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());

        // then
        assertThatThrownBy(() -> loop.controller.rollback("shop")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no run of shop before r1 applied a revision that became healthy");
    }
}
