package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DriftTest {
    private final LoopFixture loop = new LoopFixture();
    private final ScriptedSource source = new ScriptedSource("repo");
    private final ResourceKey a = SchedulingTest.key("a");

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void driftIsReportedWithItsPathsAndLeftAloneWithoutSelfHeal() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).selfHeal(false).build());

        // when
        loop.target.edit(a, tree -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("data")).put("color", "pink");
            return tree;
        });
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.listener.drift).singleElement().satisfies(report -> {
            assertThat(report.application()).isEqualTo("shop");
            assertThat(report.revision().id()).isEqualTo("r1");
            assertThat(report.corrected()).isFalse();
            assertThat(report.drift()).containsExactly(new Drift(a, ChangeType.UPDATE, java.util.List.of("/data/color")));
        });
        assertThat(color()).isEqualTo("pink");
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.syncState()).isEqualTo(SyncState.OUT_OF_SYNC);
        assertThat(status.drift()).extracting(Drift::key).containsExactly(a);
        assertThat(loop.controller.history("shop")).last().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.DRY_RUN);
            assertThat(entry.drifted()).isEqualTo(1);
        });
    }

    @Test
    void driftIsCorrectedWithSelfHeal() {
        // given
        source.commit("r1", "a=red", "b=green");
        loop.controller.add(loop.app("shop", source).selfHeal(true).build());

        // when
        loop.target.edit(a, tree -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("data")).put("color", "pink");
            return tree;
        });
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.listener.drift).singleElement().satisfies(report -> {
            assertThat(report.corrected()).isTrue();
            assertThat(report.drift()).extracting(Drift::key).containsExactly(a);
            assertThat(report.drift().get(0).paths()).containsExactly("/data/color");
        });
        assertThat(color()).isEqualTo("red");
        assertThat(loop.controller.status("shop").syncState()).isEqualTo(SyncState.SYNCED);
        assertThat(loop.controller.history("shop")).last().extracting(HistoryEntry::outcome)
                .isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aNewRevisionIsNotReportedAsDrift() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).selfHeal(false).build());

        // when
        source.commit("r2", "a=blue");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.listener.drift).isEmpty();
        assertThat(color()).isEqualTo("blue");
        assertThat(loop.controller.status("shop").syncState()).isEqualTo(SyncState.SYNCED);
    }

    @Test
    void aDeletedResourceIsDriftThatSelfHealRecreates() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());

        // when
        loop.target.delete(a, io.gitops4j.target.DeleteOptions.DEFAULT);
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.listener.drift).singleElement().satisfies(report ->
                assertThat(report.drift()).extracting(Drift::action).containsExactly(ChangeType.CREATE));
        assertThat(color()).isEqualTo("red");
    }

    private String color() {
        return loop.target.contents().get(a).tree().at("/data/color").asText();
    }
}
