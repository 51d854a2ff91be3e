package io.gitops4j.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.loop.ScheduledTask;
import io.gitops4j.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private final ManualClock clock = ManualClock.create();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final Instant start = clock.instant();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsDueTasksInDueOrderWithTheClockAtEachDueTime() {
        // given
        scheduler.schedule(() -> ran.add("b@" + seconds()), Duration.ofSeconds(20));
        scheduler.schedule(() -> ran.add("a@" + seconds()), Duration.ofSeconds(10));
        scheduler.schedule(() -> ran.add("c@" + seconds()), Duration.ofSeconds(90));

        // when
        int count = scheduler.advance(Duration.ofMinutes(1));

        // then
        assertThat(count).isEqualTo(2);
        assertThat(ran).containsExactly("a@10", "b@20");
        assertThat(seconds()).isEqualTo(60);
        assertThat(scheduler.pending()).isEqualTo(1);
        assertThat(scheduler.nextDue()).contains(start.plusSeconds(90));
    }

    @Test
    void nothingRunsBeforeTimeIsAdvancedNotEvenWithoutDelay() {
        // when
        scheduler.schedule(() -> ran.add("now"), Duration.ZERO);

        // then
        assertThat(ran).isEmpty();
        assertThat(scheduler.runDue()).isEqualTo(1);
        assertThat(ran).containsExactly("now");
    }

    @Test
    void tasksScheduledByTasksRunWhenTheyFallDueWithinTheSameAdvance() {
        // given
        scheduler.schedule(new Runnable() {
            @Override
            public void run() {
                ran.add("tick@" + seconds());
                scheduler.schedule(this, Duration.ofSeconds(30));
            }
        }, Duration.ofSeconds(30));

        // when
        scheduler.advance(Duration.ofMinutes(2));

        // then
        assertThat(ran).containsExactly("tick@30", "tick@60", "tick@90", "tick@120");
    }

    @Test
    void cancelledTasksNeverRun() {
        // given
        ScheduledTask task = scheduler.schedule(() -> ran.add("x"), Duration.ofSeconds(5));

        // when
        task.cancel();
        scheduler.advance(Duration.ofMinutes(1));

        // then
        assertThat(ran).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void advanceToNextJumpsToTheEarliestTask() {
        // given
        scheduler.schedule(() -> ran.add("late@" + seconds()), Duration.ofHours(1));

        // when
        scheduler.advanceToNext();

        // then
        assertThat(ran).containsExactly("late@3600");
        assertThat(scheduler.advanceToNext()).isZero();
    }

    private long seconds() {
        return Duration.between(start, clock.instant()).toSeconds();
    }
}
