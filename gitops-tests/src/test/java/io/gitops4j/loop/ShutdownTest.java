package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemoryTarget;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownTest {
    private static final long BOUND_SECONDS = 20;

    private final ScriptedSource source = new ScriptedSource("repo");

    @Test
    void closedControllerRunsNothingMoreAndRefusesNewApplications() {
        // given
        source.commit("r1", "a=red");
        LoopFixture loop = new LoopFixture();
        loop.controller.add(loop.app("shop", source).build());

        // when
        loop.close();
        loop.close();
        loop.scheduler.advance(Duration.ofMinutes(10));
        loop.controller.trigger("shop");

        // then
        assertThat(loop.controller.history("shop")).hasSize(1);
        assertThat(loop.controller.status("shop").nextRun()).isEmpty();
        assertThat(loop.scheduler.pending()).isZero();
        assertThatThrownBy(() -> loop.controller.add(loop.app("other", source).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void closeLetsARunningReconcileFinishWithinTheGracePeriod() throws Exception {
        // given
        source.commit("r1", "a=red");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        source.onLoad(() -> {
            entered.countDown();
            awaitUninterruptibly(release);
        });
        InMemoryTarget target = InMemoryTarget.create();
        GitOpsController controller = GitOpsController.builder().workers(2).shutdownGrace(Duration.ofSeconds(30))
                .build();
        controller.add(Application.builder().name("shop").source(source).target(target).build());
        assertThat(entered.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();

        // when
        Thread closer = new Thread(controller::close);
        closer.start();
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));

        // then
        assertThat(closer.isAlive()).isFalse();
        assertThat(controller.history("shop")).singleElement().extracting(HistoryEntry::outcome)
                .isEqualTo(Outcome.APPLIED);
        assertThat(target.contents()).hasSize(1);
    }

    @Test
    void closeInterruptsARunThatOutlastsTheGracePeriod() throws Exception {
        // given
        source.commit("r1", "a=red");
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        source.onLoad(() -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
                throw new io.gitops4j.SourceException("load interrupted by shutdown");
            }
        });
        GitOpsController controller = GitOpsController.builder().workers(1).shutdownGrace(Duration.ofMillis(50))
                .build();
        controller.add(Application.builder().name("shop").source(source).target(InMemoryTarget.create()).build());
        assertThat(entered.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();

        // when
        controller.close();

        // then
        assertThat(interrupted).isTrue();
        assertThat(controller.status("shop").running()).isFalse();
        assertThat(controller.history("shop")).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(entry.error()).contains("interrupted");
        });
    }

    @Test
    void theWorkerPoolBoundsHowManyApplicationsRunAtOnce() throws Exception {
        // given
        int apps = 6;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch twoRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(apps);
        source.commit("r1", "a=red");
        source.onLoad(() -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            twoRunning.countDown();
            awaitUninterruptibly(release);
            inFlight.decrementAndGet();
        });
        ControllerListener done = new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                allDone.countDown();
            }
        };
        try (GitOpsController controller = GitOpsController.builder().workers(2).listener(done).build()) {
            for (int i = 0; i < apps; i++) {
                controller.add(Application.builder().name("app" + i).source(source).target(InMemoryTarget.create())
                        .build());
            }

            // when
            assertThat(twoRunning.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            long runningWhileBlocked = controller.statuses().stream().filter(ApplicationStatus::running).count();
            release.countDown();

            // then
            assertThat(allDone.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(runningWhileBlocked).isEqualTo(2);
            assertThat(maxInFlight).hasValue(2);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (latch.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
