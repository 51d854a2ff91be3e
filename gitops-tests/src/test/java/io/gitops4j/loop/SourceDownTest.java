package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.reconcile.ReconcileResult.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceDownTest {
    private final LoopFixture loop = new LoopFixture();
    private final ScriptedSource source = new ScriptedSource("repo");

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void unreachableSourceKeepsTheLastAppliedRevisionAndPrunesNothing() {
        // given
        source.commit("r1", "a=red", "b=green");
        loop.controller.add(loop.app("shop", source).build());

        // when
        source.goDown("connection refused");
        loop.scheduler.advance(Duration.ofMinutes(10));

        // then
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.lastAppliedRevision().orElseThrow().id()).isEqualTo("r1");
        assertThat(status.syncState()).isEqualTo(SyncState.UNKNOWN);
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e)
                .contains("connection refused").contains("nothing is pruned"));
        assertThat(status.consecutiveFailures()).isGreaterThan(1);
        assertThat(loop.target.contents()).containsOnlyKeys(SchedulingTest.key("a"), SchedulingTest.key("b"));
        assertThat(loop.target.deleteCount()).isZero();
        assertThat(loop.listener.count("sourceFailed shop")).isEqualTo(status.consecutiveFailures());
        assertThat(loop.controller.history("shop")).last().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(entry.revision()).isEmpty();
            assertThat(entry.error()).contains("connection refused");
        });
    }

    @Test
    void recoversWhenTheSourceComesBack() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        source.goDown("connection refused");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // when
        source.comeBack();
        source.commit("r2", "a=red", "b=green");
        loop.scheduler.advanceToNext();

        // then
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.lastAppliedRevision().orElseThrow().id()).isEqualTo("r2");
        assertThat(status.lastError()).isEmpty();
        assertThat(status.syncState()).isEqualTo(SyncState.SYNCED);
        assertThat(loop.target.contents()).containsOnlyKeys(SchedulingTest.key("a"), SchedulingTest.key("b"));
    }

    @Test
    void restartedControllerLearnsTheAppliedRevisionFromTheInventory() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        loop.close();

        // when
        try (LoopFixture restarted = new LoopFixture()) {
            source.goDown("connection refused");
            restarted.controller.add(Application.builder().name("shop").source(source).target(loop.target).build());

            // then
            assertThat(restarted.controller.status("shop").lastAppliedRevision().orElseThrow().id())
                    .isEqualTo("r1");
        }
    }
}
