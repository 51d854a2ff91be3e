package io.gitops4j.testkit.time;

import static java.util.Objects.requireNonNull;

import io.gitops4j.loop.ScheduledTask;
import io.gitops4j.loop.Scheduler;
import io.gitops4j.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on a {@link ManualClock}: tasks run only when the test calls {@link #advance(Duration)} or
 * {@link #runDue()}, on the test's thread, in order of due time (then of scheduling), with the clock set to each
 * task's due time while it runs. Deterministic: no thread, no sleep.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.create();
 * ManualScheduler scheduler = new ManualScheduler(clock);
 * GitOpsController controller = GitOpsController.builder().clock(clock).scheduler(scheduler)
 *         .sleeper(clock).executor(Runnable::run).build(); // health waits advance the clock
 * scheduler.advance(Duration.ofMinutes(1)); // runs every interval that falls due
 * }</pre>
 *
 * <p>Thread-safe; tasks run outside its lock, so a task may schedule more tasks.
 */
public final class ManualScheduler implements Scheduler {
    private static final int MAX_TASKS_PER_ADVANCE = 1_000_000;

    private final ManualClock clock;
    private final PriorityQueue<Entry> queue =
            new PriorityQueue<>(Comparator.comparing(Entry::due).thenComparingLong(Entry::sequence));
    private long sequence;
    private long executed;

    /**
     * Creates a scheduler on a clock.
     *
     * @param clock the clock it reads and advances; share it with whatever else the test times
     */
    public ManualScheduler(ManualClock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized ScheduledTask schedule(Runnable task, Duration delay) {
        requireNonNull(task, "task is null");
        requireNonNull(delay, "delay is null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        Entry entry = new Entry(clock.instant().plus(delay), sequence++, task);
        queue.add(entry);
        return () -> cancel(entry);
    }

    private synchronized void cancel(Entry entry) {
        queue.remove(entry);
    }

    /**
     * Runs every task due now (including tasks they schedule that are due now).
     *
     * @return how many tasks ran
     */
    public int runDue() {
        return advance(Duration.ZERO);
    }

    /**
     * Moves time forward by a duration, running each task that falls due on the way, in due order, with the clock
     * set to its due time; the clock ends at the start time plus the duration.
     *
     * @param duration not negative
     * @return how many tasks ran
     * @throws IllegalStateException when tasks keep scheduling tasks due at once without end
     */
    public int advance(Duration duration) {
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go back: " + duration);
        }
        Instant end = clock.instant().plus(duration);
        int ran = 0;
        Entry next;
        while ((next = pollDue(end)) != null) {
            Duration gap = Duration.between(clock.instant(), next.due());
            if (!gap.isNegative() && !gap.isZero()) {
                clock.advance(gap);
            }
            next.task().run();
            if (++ran > MAX_TASKS_PER_ADVANCE) {
                throw new IllegalStateException("more than " + MAX_TASKS_PER_ADVANCE
                        + " tasks in one advance: a task keeps rescheduling itself without delay");
            }
        }
        Duration rest = Duration.between(clock.instant(), end);
        if (!rest.isNegative() && !rest.isZero()) {
            clock.advance(rest);
        }
        return ran;
    }

    /**
     * Moves time to the next due task and runs the tasks due then.
     *
     * @return how many tasks ran; 0 when nothing is scheduled
     */
    public int advanceToNext() {
        Optional<Instant> due = nextDue();
        if (due.isEmpty()) {
            return 0;
        }
        Duration gap = Duration.between(clock.instant(), due.get());
        return advance(gap.isNegative() ? Duration.ZERO : gap);
    }

    private synchronized Entry pollDue(Instant end) {
        Entry head = queue.peek();
        if (head == null || head.due().isAfter(end)) {
            return null;
        }
        executed++;
        return queue.poll();
    }

    /**
     * Returns when the earliest pending task is due.
     *
     * @return the instant, or empty when nothing is scheduled
     */
    public synchronized Optional<Instant> nextDue() {
        Entry head = queue.peek();
        return head == null ? Optional.empty() : Optional.of(head.due());
    }

    /**
     * Returns the due times of the pending tasks, earliest first.
     *
     * @return an unmodifiable list
     */
    public synchronized List<Instant> pendingDueTimes() {
        List<Entry> entries = new ArrayList<>(queue);
        entries.sort(queue.comparator());
        return entries.stream().map(Entry::due).toList();
    }

    /**
     * Returns how many tasks are pending.
     *
     * @return the count
     */
    public synchronized int pending() {
        return queue.size();
    }

    /**
     * Returns how many tasks ran since creation.
     *
     * @return the count
     */
    public synchronized long executed() {
        return executed;
    }

    /** A scheduled task. */
    private record Entry(Instant due, long sequence, Runnable task) {
    }
}
