package io.gitops4j.loop;

import static io.gitops4j.loop.SchedulingTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.window.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncWindowLoopTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-01-01T00:00:00Z");
    private final ScriptedSource source = new ScriptedSource("repo");
    private LoopFixture loop;

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void aDenyWindowBlocksARunAndTheFirstAllowedMinuteRunsIt() {
        // given: a deny window from midnight for 30 minutes; the manual clock starts at midnight
        loop = new LoopFixture(GitOpsController.builder().syncWindows(deny("0 0 * * *", "30m", false)));
        source.commit("r1", "a=red");

        // when
        loop.controller.add(loop.app("shop", source).build());

        // then: skipped, not failed, and scheduled for the window's end
        ApplicationStatus blocked = loop.controller.status("shop");
        assertThat(blocked.blockedBy()).contains(
                "blocked by window deny '0 0 * * *' for 30m in UTC until 2026-01-01T00:30:00Z");
        assertThat(blocked.nextRun()).contains(MIDNIGHT.plus(Duration.ofMinutes(30)));
        assertThat(blocked.consecutiveFailures()).isZero();
        assertThat(blocked.lastError()).isEmpty();
        assertThat(loop.controller.history("shop")).isEmpty();
        assertThat(source.fetches()).isZero();
        assertThat(loop.listener.events).contains("blocked shop until 2026-01-01T00:30:00Z");

        // when: one minute before the end, nothing; at the end, the run
        loop.scheduler.advance(Duration.ofMinutes(29));
        assertThat(loop.target.contents()).isEmpty();
        loop.scheduler.advance(Duration.ofMinutes(1));

        // then
        assertThat(loop.controller.history("shop")).singleElement().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo(RunReason.WINDOW_OPEN);
            assertThat(entry.started()).isEqualTo(MIDNIGHT.plus(Duration.ofMinutes(30)));
            assertThat(entry.outcome()).isEqualTo(Outcome.APPLIED);
        });
        assertThat(loop.target.contents()).containsKey(key("a"));
        assertThat(loop.controller.status("shop").blockedBy()).isEmpty();
        assertThat(loop.controller.status("shop").nextRun())
                .contains(MIDNIGHT.plus(Duration.ofMinutes(30)).plus(LoopFixture.INTERVAL));
    }

    @Test
    void aNewRevisionWaitsForTheDenyWindowToEnd() {
        // given: applied at midnight; a deny window from 01:00 for an hour
        loop = new LoopFixture(GitOpsController.builder().syncWindows(deny("0 1 * * *", "1h", false)));
        source.commit("r1", "a=red");
        loop.controller.add(loop.app("shop", source).build());
        loop.scheduler.advance(Duration.ofMinutes(59));

        // when
        source.commit("r2", "a=blue");
        loop.scheduler.advance(Duration.ofMinutes(60));

        // then
        assertThat(loop.target.contents().get(key("a")).tree().at("/data/color").asText()).isEqualTo("red");
        assertThat(loop.controller.status("shop").lastAppliedRevision().orElseThrow().id()).isEqualTo("r1");

        // when
        loop.scheduler.advance(Duration.ofMinutes(1));

        // then
        assertThat(loop.target.contents().get(key("a")).tree().at("/data/color").asText()).isEqualTo("blue");
        assertThat(loop.controller.history("shop")).last().extracting(HistoryEntry::started)
                .isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
    }

    @Test
    void triggerIsAManualSyncThatPassesOnlyAWindowAllowingManualSync() {
        // given
        source.commit("r1", "a=red");
        loop = new LoopFixture(GitOpsController.builder().syncWindows(deny("0 0 * * *", "1h", true),
                SyncWindow.builder().deny().schedule("0 0 * * *").duration("1h").applications("billing").build()));
        loop.controller.add(loop.app("shop", source).build());
        loop.controller.add(loop.app("billing", new ScriptedSource("other")).build());

        // when
        loop.controller.trigger("shop");
        loop.controller.trigger("billing");

        // then
        assertThat(loop.controller.history("shop")).singleElement().extracting(HistoryEntry::reason)
                .isEqualTo(RunReason.TRIGGER);
        assertThat(loop.target.contents()).containsKey(key("a"));
        assertThat(loop.controller.history("billing")).isEmpty();
        assertThat(loop.controller.status("billing").blockedBy()).hasValueSatisfying(
                reason -> assertThat(reason).contains("until 2026-01-01T01:00:00Z"));
    }

    @Test
    void aWebhookForTheRepositoryIsNotAManualSync() {
        // given
        source.commit("r1", "a=red");
        loop = new LoopFixture(GitOpsController.builder().syncWindows(deny("0 0 * * *", "1h", true)));
        loop.controller.add(loop.app("shop", source).build());

        // when
        loop.controller.triggerSource("repo");

        // then
        assertThat(loop.controller.history("shop")).isEmpty();
        assertThat(loop.listener.count("blocked shop")).isEqualTo(2);
    }

    @Test
    void anAllowWindowLetsRunsThroughOnlyWhileActiveAndOnlyForTheApplicationsItNames() {
        // given: shop may sync during the first 10 minutes of each hour; billing has no window
        loop = new LoopFixture(GitOpsController.builder().syncWindows(SyncWindow.builder().allow()
                .schedule("0 * * * *").duration("10m").applications("shop*").build()));
        source.commit("r1", "a=red");
        ScriptedSource billingSource = new ScriptedSource("other");
        billingSource.commit("b1", "b=green");
        loop.controller.add(loop.app("shop", source).build());
        loop.controller.add(loop.app("billing", billingSource).build());

        // when
        loop.scheduler.advance(Duration.ofMinutes(60));

        // then: shop ran at minutes 0..9 and at 60; billing every minute
        assertThat(loop.controller.history("shop")).extracting(HistoryEntry::started)
                .extracting(started -> Duration.between(MIDNIGHT, started).toMinutes())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 60L);
        assertThat(loop.listener.count("blocked shop")).isEqualTo(1);
        assertThat(loop.controller.history("billing")).hasSize(20);
    }

    @Test
    void theWindowsEndFollowsTheWallClockAcrossSpringForward() {
        // given: a deny from 01:00 for 2 h in Berlin; on 2026-03-29 01:00 CET is 00:00Z and the clocks jump at 01:00Z
        loop = new LoopFixture(GitOpsController.builder().syncWindows(SyncWindow.builder().deny()
                .schedule("0 1 * * *").duration("2h").timeZone("Europe/Berlin").applications("*").build()));
        loop.clock.advance(Duration.between(MIDNIGHT, Instant.parse("2026-03-29T00:30:00Z")));
        source.commit("r1", "a=red");

        // when
        loop.controller.add(loop.app("shop", source).build());
        loop.scheduler.advanceToNext();

        // then: two elapsed hours after the start, 04:00 CEST by the wall clock
        assertThat(loop.controller.history("shop")).singleElement().extracting(HistoryEntry::started)
                .isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
    }

    private static SyncWindow deny(String schedule, String duration, boolean manualSync) {
        return SyncWindow.builder().deny().schedule(schedule).duration(duration).applications("shop")
                .manualSync(manualSync).build();
    }
}
