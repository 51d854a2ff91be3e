package io.gitops4j.loop;

import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.time.ManualScheduler;
import java.time.Duration;
import java.util.Random;

/**
 * A controller on manual time with inline runs: everything happens on the test's thread when the test adds,
 * triggers or advances the scheduler; a health wait advances the clock instead of sleeping.
 */
final class LoopFixture implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMinutes(1);

    final ManualClock clock = ManualClock.create();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final RecordingListener listener = new RecordingListener();
    final InMemoryTarget target;
    final GitOpsController controller;

    LoopFixture() {
        this(GitOpsController.builder());
    }

    LoopFixture(GitOpsController.Builder builder) {
        this(builder, InMemoryTarget.create());
    }

    LoopFixture(InMemoryTarget target) {
        this(GitOpsController.builder(), target);
    }

    LoopFixture(GitOpsController.Builder builder, InMemoryTarget target) {
        this.target = target;
        this.controller = builder.clock(clock).scheduler(scheduler).sleeper(clock).executor(Runnable::run)
                .listener(listener).random(new Random(42)).build();
    }

    Application.Builder app(String name, ScriptedSource source) {
        return Application.builder().name(name).source(source).target(target).interval(INTERVAL).intervalJitter(0);
    }

    @Override
    public void close() {
        controller.close();
    }
}
