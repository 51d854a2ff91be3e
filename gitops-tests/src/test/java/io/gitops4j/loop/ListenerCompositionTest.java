package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ListenerCompositionTest {
    private final ScriptedSource source = new ScriptedSource("repo");

    @Test
    void everyComposedListenerHearsEachEventEvenWhenAnEarlierOneThrows() {
        // given
        source.commit("r1", "a=red");
        List<String> heard = new CopyOnWriteArrayList<>();
        ControllerListener throwing = new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                throw new IllegalStateException("boom");
            }
        };
        ControllerListener recording = new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                heard.add("controller " + application);
            }
        };
        ReconcileListener badEngine = new ReconcileListener() {
            @Override
            public void finished(ReconcileResult result) {
                throw new IllegalStateException("boom");
            }
        };
        ReconcileListener goodEngine = new ReconcileListener() {
            @Override
            public void finished(ReconcileResult result) {
                heard.add("engine " + result.outcome());
            }
        };

        // when
        try (LoopFixture loop = new LoopFixture()) {
            GitOpsController controller = GitOpsController.builder().clock(loop.clock).scheduler(loop.scheduler)
                    .sleeper(loop.clock).executor(Runnable::run).listener(ControllerListener.of(throwing, recording))
                    .reconcileListener(ReconcileListener.of(badEngine, goodEngine)).build();
            try (controller) {
                controller.add(loop.app("shop", source).build());
            }
        }

        // then
        assertThat(heard).containsExactly("engine APPLIED", "controller shop");
    }

    @Test
    void composingNoneOrOneListenerAddsNoWrapper() {
        ControllerListener one = new ControllerListener() {
        };
        assertThat(ControllerListener.of()).isSameAs(ControllerListener.NOOP);
        assertThat(ControllerListener.of(one)).isSameAs(one);
        assertThat(ReconcileListener.of()).isSameAs(ReconcileListener.NOOP);
    }

    @Test
    void aFetchOfTheSourceAndTheStatusAfterEachRunAreReported() {
        // given
        source.commit("r1", "a=red");
        List<String> heard = new CopyOnWriteArrayList<>();
        ControllerListener listener = new ControllerListener() {
            @Override
            public void sourceFetched(String application, Duration duration, boolean succeeded) {
                heard.add("fetched " + application + " " + succeeded);
            }

            @Override
            public void statusUpdated(ApplicationStatus status) {
                heard.add("status " + status.application() + " " + status.syncState() + " " + status.running());
            }
        };
        try (LoopFixture loop = new LoopFixture()) {
            GitOpsController controller = GitOpsController.builder().clock(loop.clock).scheduler(loop.scheduler)
                    .sleeper(loop.clock).executor(Runnable::run).listener(listener).build();
            try (controller) {
                controller.add(loop.app("shop", source).build());

                // when
                source.goDown("connection refused");
                loop.scheduler.advance(LoopFixture.INTERVAL);
            }
        }

        // then
        assertThat(heard).containsExactly("fetched shop true", "status shop SYNCED false",
                "fetched shop false", "status shop UNKNOWN false");
    }
}
