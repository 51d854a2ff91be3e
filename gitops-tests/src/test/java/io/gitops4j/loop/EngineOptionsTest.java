package io.gitops4j.loop;

import static io.gitops4j.loop.SchedulingTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {
    private final LoopFixture loop = new LoopFixture();
    private final ScriptedSource source = new ScriptedSource("repo");

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void allowEmptyPrunesEverythingTheApplicationOwnsWhenTheSourceIsEmpty() {
        // given
        source.commit("r1", "a=red", "b=green");
        loop.controller.add(loop.app("shop", source).reconcileOptions(ReconcileOptions.builder().allowEmpty()
                .allowLargePrune().build()).build());

        // when
        source.commit("r2");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.target.contents()).isEmpty();
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.lastAppliedRevision().orElseThrow().id()).isEqualTo("r2");
        assertThat(status.lastError()).isEmpty();
    }

    @Test
    void withoutAllowEmptyAnEmptySourceChangesNothingAndTheStatusSaysWhy() {
        // given
        source.commit("r1", "a=red", "b=green");
        loop.controller.add(loop.app("shop", source)
                .reconcileOptions(ReconcileOptions.builder().allowLargePrune().build()).build());

        // when
        source.commit("r2");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.target.contents()).containsOnlyKeys(key("a"), key("b"));
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.lastAppliedRevision().orElseThrow().id()).isEqualTo("r1");
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).contains("allowEmpty"));
        assertThat(status.syncState()).isEqualTo(SyncState.OUT_OF_SYNC);
    }

    @Test
    void theDefaultPruneLimitRefusesToDeleteMostOfTheInventory() {
        // given
        source.commit("r1", "a=red", "b=red", "c=red", "d=red");
        loop.controller.add(loop.app("shop", source).build());

        // when
        source.commit("r2", "a=red");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.target.contents()).hasSize(4);
        assertThat(loop.controller.status("shop").lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("refusing to delete 3 of 4"));
    }

    @Test
    void aHigherPruneLimitLetsTheRunDeleteMore() {
        // given
        source.commit("r1", "a=red", "b=red", "c=red", "d=red");
        loop.controller.add(loop.app("shop", source)
                .reconcileOptions(ReconcileOptions.builder().pruneLimit(0.75).build()).build());

        // when
        source.commit("r2", "a=red");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.target.contents()).containsOnlyKeys(key("a"));
        assertThat(loop.controller.status("shop").lastError()).isEmpty();
    }

    @Test
    void forceReappliesInSyncResourcesOnEveryRun() {
        // given
        source.commit("r1", "a=red");
        ScriptedSource other = new ScriptedSource("other");
        other.commit("o1", "b=red");
        loop.controller.add(loop.app("forced", source)
                .reconcileOptions(ReconcileOptions.builder().force(true).build()).build());
        loop.controller.add(loop.app("plain", other).build());
        int appliesAfterFirstRuns = loop.target.applyCount();

        // when
        loop.scheduler.advance(LoopFixture.INTERVAL.multipliedBy(3));

        // then
        assertThat(loop.target.applyCount()).isEqualTo(appliesAfterFirstRuns + 3);
        assertThat(loop.target.appliedKeys().subList(2, 5)).containsOnly(key("a"));
    }

    @Test
    void defaultsAreTheEnginesDefaults() {
        // when
        Application app = loop.app("shop", source).build();

        // then
        assertThat(app.reconcileOptions()).isSameAs(ReconcileOptions.defaults());
        assertThat(app.newBuilder().build().dependsOn()).isEmpty();
    }

    @Test
    void aChangedCopyKeepsTheReconcileOptions() {
        // given
        ReconcileOptions options = ReconcileOptions.builder().prune(false).deadline(Duration.ofMinutes(1)).build();

        // when
        Application copy = loop.app("shop", source).reconcileOptions(options).build().newBuilder().name("blog")
                .build();

        // then
        assertThat(copy.reconcileOptions()).isSameAs(options);
    }

    @Test
    void optionsThatNameARevisionAreRefusedByTheBuilder() {
        ReconcileOptions pinned = ReconcileOptions.builder().revision(Revision.of("r1")).build();
        assertThatThrownBy(() -> loop.app("shop", source).reconcileOptions(pinned))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rollback");
    }
}
