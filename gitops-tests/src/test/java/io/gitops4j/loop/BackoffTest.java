package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final LoopFixture loop = new LoopFixture();
    private final ScriptedSource source = new ScriptedSource("repo");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), 0);

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void backOffGrowsExponentiallyUpToTheCapAndSuccessResetsIt() {
        // given
        source.commit("r1", "a=red");
        source.goDown("connection refused");
        loop.controller.add(loop.app("shop", source).retryPolicy(policy).interval(Duration.ofMinutes(10)).build());
        List<Duration> delays = new ArrayList<>();

        // when
        for (int i = 0; i < 5; i++) {
            delays.add(delayToNextRun());
            loop.scheduler.advanceToNext();
        }
        source.comeBack();
        Duration afterLastFailure = delayToNextRun();
        loop.scheduler.advanceToNext();

        // then
        assertThat(delays).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(afterLastFailure).isEqualTo(Duration.ofSeconds(60));
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.lastError()).isEmpty();
        assertThat(delayToNextRun()).as("success returns to the interval").isEqualTo(Duration.ofMinutes(10));
        assertThat(loop.controller.history("shop")).last().extracting(HistoryEntry::reason)
                .isEqualTo(RunReason.RETRY);
    }

    @Test
    void aFailedStepBacksOffLikeASourceFailure() {
        // given
        source.commit("r1", "a=red");
        loop.target.failAppliesTo(SchedulingTest.key("a"));

        // when
        loop.controller.add(loop.app("shop", source).retryPolicy(policy).build());

        // then
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(status.consecutiveFailures()).isEqualTo(1);
        assertThat(status.syncState()).isEqualTo(SyncState.OUT_OF_SYNC);
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).contains("ConfigMap"));
        assertThat(delayToNextRun()).isEqualTo(Duration.ofSeconds(10));

        // when
        loop.target.clearFaults();
        loop.scheduler.advanceToNext();

        // then
        assertThat(loop.controller.status("shop").syncState()).isEqualTo(SyncState.SYNCED);
        assertThat(delayToNextRun()).isEqualTo(LoopFixture.INTERVAL);
    }

    @Test
    void retryJitterShortensTheDelayByAtMostItsShare() {
        // given
        RetryPolicy jittered = new RetryPolicy(Duration.ofSeconds(10), 3.0, Duration.ofMinutes(5), 0.5);

        // then
        for (int failures = 1; failures < 10; failures++) {
            Duration base = jittered.baseDelay(failures);
            for (double random : new double[] {0, 0.25, 0.999}) {
                assertThat(jittered.delay(failures, random)).isBetween(base.dividedBy(2), base);
            }
        }
        assertThat(jittered.baseDelay(9)).isEqualTo(Duration.ofMinutes(5));
    }

    private Duration delayToNextRun() {
        Instant next = loop.controller.status("shop").nextRun().orElseThrow();
        return Duration.between(loop.clock.instant(), next);
    }
}
