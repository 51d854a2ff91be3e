package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.model.Revision;
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
}
