package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulingTest {
    private final LoopFixture loop = new LoopFixture();
    private final ScriptedSource source = new ScriptedSource("repo");

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void runsWhenAddedAndThenOnEveryInterval() {
        // given
        source.commit("r1", "a=red");

        // when
        loop.controller.add(loop.app("shop", source).build());
        loop.scheduler.advance(Duration.ofMinutes(3));

        // then
        List<HistoryEntry> history = loop.controller.history("shop");
        assertThat(history).extracting(HistoryEntry::reason)
                .containsExactly(RunReason.START, RunReason.INTERVAL, RunReason.INTERVAL, RunReason.INTERVAL);
        assertThat(history).extracting(HistoryEntry::started).extracting(Instant::getEpochSecond)
                .containsExactly(epoch(0), epoch(60), epoch(120), epoch(180));
        assertThat(history.get(0).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(history.subList(1, 4)).extracting(HistoryEntry::outcome).containsOnly(Outcome.CONVERGED);
        assertThat(loop.target.contents()).containsKey(key("a"));
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.syncState()).isEqualTo(SyncState.SYNCED);
        assertThat(status.lastAppliedRevision()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("r1"));
        assertThat(status.nextRun()).contains(loop.clock.instant().plus(LoopFixture.INTERVAL));
    }

    @Test
    void anUnchangedRevisionIsLoadedOnceAndCheckedOnEveryInterval() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        int observesAfterFirstRun = loop.target.observeCount();

        // when
        loop.scheduler.advance(Duration.ofMinutes(5));

        // then
        assertThat(source.loads()).isEqualTo(1);
        assertThat(loop.target.observeCount()).isGreaterThanOrEqualTo(observesAfterFirstRun + 5);
    }

    @Test
    void intervalJitterLengthensEachIntervalByAtMostItsShare() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).intervalJitter(0.5).build());
        List<Duration> gaps = new ArrayList<>();

        // when
        for (int i = 0; i < 50; i++) {
            Instant before = loop.clock.instant();
            assertThat(loop.scheduler.advanceToNext()).isEqualTo(1);
            gaps.add(Duration.between(before, loop.clock.instant()));
        }

        // then
        assertThat(gaps).allSatisfy(gap -> assertThat(gap)
                .isBetween(LoopFixture.INTERVAL, LoopFixture.INTERVAL.multipliedBy(3).dividedBy(2)));
        assertThat(gaps.stream().distinct().count()).as("jitter varies the intervals").isGreaterThan(10);
    }

    @Test
    void appliesANewRevisionOnTheNextInterval() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());

        // when
        source.commit("r2", "a=blue", "b=green");
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(loop.controller.status("shop").lastAppliedRevision().orElseThrow().id()).isEqualTo("r2");
        assertThat(loop.target.contents().get(key("a")).tree().at("/data/color").asText()).isEqualTo("blue");
        assertThat(loop.target.contents()).containsKey(key("b"));
        assertThat(loop.listener.events).contains("revision shop r1->r2");
    }

    @Test
    void aRevisionThatChangesNothingUnderTheApplicationsPathIsRecordedWithoutReloading() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        source.commit("r2", "a=red");
        source.changedPaths(java.util.Optional.of(java.util.Set.of()));

        // when
        loop.scheduler.advance(LoopFixture.INTERVAL);

        // then
        assertThat(source.loads()).isEqualTo(1);
        assertThat(loop.controller.status("shop").lastAppliedRevision().orElseThrow().id()).isEqualTo("r2");
        assertThat(loop.controller.history("shop")).last().satisfies(entry -> {
            assertThat(entry.revision()).isEqualTo("r2");
            assertThat(entry.outcome()).isEqualTo(Outcome.CONVERGED);
        });
    }

    @Test
    void triggerRunsAtOnceWithAFreshFetch() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        int fetchesBefore = source.fetches();

        // when
        source.commit("r2", "a=blue");
        loop.controller.trigger("shop");

        // then
        assertThat(source.fetches()).isEqualTo(fetchesBefore + 1);
        assertThat(loop.controller.status("shop").lastAppliedRevision().orElseThrow().id()).isEqualTo("r2");
        assertThat(loop.controller.history("shop")).last().extracting(HistoryEntry::reason)
                .isEqualTo(RunReason.TRIGGER);
        assertThat(loop.controller.status("shop").nextRun()).contains(loop.clock.instant().plus(LoopFixture.INTERVAL));
    }

    @Test
    void triggersDuringARunCoalesceIntoOneFollowUpRun() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        int[] calls = {0};
        loop.listener.onRunStarted = application -> {
            if (calls[0]++ == 0) {
                loop.controller.trigger("shop");
                loop.controller.trigger("shop");
                loop.controller.trigger("shop");
            }
        };

        // when
        loop.controller.trigger("shop");

        // then
        assertThat(loop.controller.history("shop")).extracting(HistoryEntry::reason)
                .containsExactly(RunReason.START, RunReason.TRIGGER, RunReason.TRIGGER);
        assertThat(loop.scheduler.pending()).as("one timer for the next interval").isEqualTo(1);
    }

    @Test
    void suspendedApplicationDoesNotRunUntilResumed() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());

        // when
        loop.controller.suspend("shop");
        source.commit("r2", "a=blue");
        loop.scheduler.advance(Duration.ofMinutes(5));
        loop.controller.trigger("shop");

        // then
        assertThat(loop.controller.history("shop")).hasSize(1);
        assertThat(loop.controller.status("shop").suspended()).isTrue();
        assertThat(loop.controller.status("shop").nextRun()).isEmpty();
        assertThat(loop.target.contents().get(key("a")).tree().at("/data/color").asText()).isEqualTo("red");

        // when
        loop.controller.resume("shop");

        // then
        assertThat(loop.controller.status("shop").suspended()).isFalse();
        assertThat(loop.controller.status("shop").lastAppliedRevision().orElseThrow().id()).isEqualTo("r2");
        assertThat(loop.target.contents().get(key("a")).tree().at("/data/color").asText()).isEqualTo("blue");
    }

    @Test
    void applicationAddedSuspendedWaitsForResume() {
        // given
        source.commit("r1", "a=red");

        // when
        loop.controller.add(loop.app("shop", source).suspended(true).build());
        loop.scheduler.advance(Duration.ofMinutes(5));

        // then
        assertThat(loop.controller.history("shop")).isEmpty();
        assertThat(loop.controller.status("shop").syncState()).isEqualTo(SyncState.UNKNOWN);
        assertThat(loop.target.contents()).isEmpty();
    }

    @Test
    void removedApplicationRunsNoMoreAndKeepsItsResources() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());

        // when
        boolean removed = loop.controller.remove("shop");
        loop.scheduler.advance(Duration.ofMinutes(5));

        // then
        assertThat(removed).isTrue();
        assertThat(loop.controller.applications()).isEmpty();
        assertThat(loop.listener.count("started shop")).isEqualTo(1);
        assertThat(loop.target.contents()).containsKey(key("a"));
        assertThatThrownBy(() -> loop.controller.status("shop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no application 'shop'");
    }

    @Test
    void addingTwoApplicationsWithOneNameIsRefused() {
        // given
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());

        // then
        assertThatThrownBy(() -> loop.controller.add(loop.app("shop", source).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already added");
    }

    static long epoch(long seconds) {
        return Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() + seconds;
    }

    static ResourceKey key(String name) {
        return ScriptedSource.configMap(name, "x").key();
    }
}
