package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

class HealthWaitTest {
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration LONG_INTERVAL = Duration.ofHours(1);

    private final InMemoryTarget neverHealthy = InMemoryTarget.builder()
            .healthAssessor(live -> Optional.of(Health.progressing("never rolls out"))).build();
    private final ScriptedSource source = new ScriptedSource("repo");

    @Test
    @Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
    void aHealthWaitOnAWorkerEndsWhenTheManualSchedulerPassesTheHealthTimeout() {
        // given a controller on manual time whose run happens on a worker thread
        ManualClock clock = ManualClock.create();
        ManualScheduler scheduler = new ManualScheduler(clock);
        CountDownLatch finished = new CountDownLatch(1);
        ControllerListener listener = new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                finished.countDown();
            }
        };
        source.commit("r1", "a=red");
        Instant start = clock.instant();
        try (GitOpsController controller = GitOpsController.builder().clock(clock).scheduler(scheduler).workers(1)
                .listener(listener).shutdownGrace(Duration.ZERO).build()) {

            // when the application waits for a resource that never becomes healthy
            controller.add(Application.builder().name("shop").source(source).target(neverHealthy)
                    .interval(LONG_INTERVAL).intervalJitter(0)
                    .reconcileOptions(ReconcileOptions.builder().healthTimeout(HEALTH_TIMEOUT).build()).build());
            Instant limit = start.plus(HEALTH_TIMEOUT).plus(Duration.ofMinutes(1));
            while (finished.getCount() > 0) {
                if (scheduler.nextDue().filter(due -> !due.isAfter(limit)).isPresent()) {
                    scheduler.advanceToNext();
                } else {
                    Thread.onSpinWait();
                }
            }

            // then the run ended once the manual time passed the health timeout
            assertThat(controller.history("shop")).last().extracting(HistoryEntry::outcome)
                    .isEqualTo(Outcome.APPLIED);
            assertThat(controller.status("shop").health()).isEqualTo(HealthStatus.PROGRESSING);
            assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(HEALTH_TIMEOUT);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
    void aHealthWaitPastTheDeadlineOnInlineRunsAdvancesTheManualClockAndTimesOut() {
        // given inline runs whose sleeper is the manual clock
        try (LoopFixture loop = new LoopFixture(neverHealthy)) {
            source.commit("r1", "a=red");
            Instant start = loop.clock.instant();

            // when the health wait is longer than the run's deadline
            loop.controller.add(loop.app("shop", source).interval(LONG_INTERVAL)
                    .reconcileOptions(ReconcileOptions.builder().healthTimeout(Duration.ofMinutes(10))
                            .deadline(Duration.ofMinutes(2)).build()).build());

            // then the run stops at the deadline, reported and not backed off from
            ApplicationStatus status = loop.controller.status("shop");
            assertThat(loop.controller.history("shop")).last().extracting(HistoryEntry::outcome)
                    .isEqualTo(Outcome.TIMED_OUT);
            assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).contains("deadline"));
            assertThat(status.consecutiveFailures()).isZero();
            assertThat(Duration.between(start, loop.clock.instant())).isEqualTo(Duration.ofMinutes(2));
            assertThat(loop.clock.sleeps()).isPositive();
        }
    }
}
