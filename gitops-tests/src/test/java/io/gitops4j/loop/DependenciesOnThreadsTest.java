package io.gitops4j.loop;

import static io.gitops4j.loop.SchedulingTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.testkit.InMemoryTarget;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DependenciesOnThreadsTest {
    private static final int BOUND_SECONDS = 30;

    @Test
    void aChainAddedAtOnceOnAWorkerPoolAppliesInDependencyOrder() throws InterruptedException {
        // given
        InMemoryTarget target = InMemoryTarget.create();
        List<String> finished = new CopyOnWriteArrayList<>();
        CountDownLatch lastDone = new CountDownLatch(1);
        ControllerListener listener = new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                finished.add(application);
                if (application.equals("e")) {
                    lastDone.countDown();
                }
            }
        };
        try (GitOpsController controller = GitOpsController.builder().workers(3).listener(listener).build()) {

            // when e <- d <- c <- b <- a, added dependants first, from the test thread while workers run
            for (String name : List.of("e", "d", "c", "b", "a")) {
                ScriptedSource source = new ScriptedSource(name);
                source.commit(name + "-r1", name + "=red");
                Application.Builder app = Application.builder().name(name).source(source).target(target);
                String dependency = String.valueOf((char) (name.charAt(0) - 1));
                controller.add((name.equals("a") ? app : app.dependsOn(dependency)).build());
            }

            // then
            assertThat(lastDone.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("e ran within the bound").isTrue();
            assertThat(finished).as("one run each, a dependant only after its dependency")
                    .containsExactly("a", "b", "c", "d", "e");
            assertThat(target.contents()).containsKeys(key("a"), key("b"), key("c"), key("d"), key("e"));
        }
    }
}
