package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.git.GitSource;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In real time: a controller polling a real Git repository applies each commit to the embedded Kubernetes API
 * without any call from the test, and a trigger applies a commit long before the next interval. Waits poll a
 * condition with a generous bound (the first fabric8 client start-up on a loaded machine takes seconds).
 */
class ContinuousDeliveryEndToEndTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(10);

    @TempDir
    Path cache;

    private GitRepoFixture repo;
    private EmbeddedKubernetesApi api;
    private KubernetesClient client;
    private GitSource source;
    private KubernetesTarget target;
    private GitOpsController controller;

    @BeforeEach
    void start() {
        repo = GitRepoFixture.create();
        api = EmbeddedKubernetesApi.builder().build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
        source = GitSource.builder().uri(repo.fileUri()).path("deploy").cacheDirectory(cache).build();
        target = KubernetesTarget.builder().client(client).build();
        controller = GitOpsController.builder().workers(2).shutdownGrace(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        controller.close();
        target.close();
        source.close();
        client.close();
        api.close();
        repo.close();
    }

    @Test
    void appliesEachCommitWithoutACallFromTheTest() {
        // given
        String first = repo.commit(Map.of("deploy/settings.yaml", configMap("red")));
        controller.add(Application.builder().name("shop").source(source).target(target)
                .interval(Duration.ofMillis(200)).build());
        awaitColor("red");
        awaitUntil(() -> controller.status("shop").lastAppliedRevision()
                .filter(r -> r.id().equals(first)).isPresent());

        // when
        String second = repo.commit(Map.of("deploy/settings.yaml", configMap("blue")));

        // then
        awaitColor("blue");
        awaitUntil(() -> controller.status("shop").lastAppliedRevision()
                .filter(r -> r.id().equals(second)).isPresent());
        assertThat(controller.status("shop").syncState()).isEqualTo(SyncState.SYNCED);
        assertThat(controller.history("shop")).extracting(HistoryEntry::revision).contains(first, second);
    }

    @Test
    void triggerAppliesACommitLongBeforeTheNextInterval() {
        // given
        repo.commit(Map.of("deploy/settings.yaml", configMap("red")));
        controller.add(Application.builder().name("shop").source(source).target(target)
                .interval(Duration.ofHours(1)).build());
        awaitColor("red");

        // when
        repo.commit(Map.of("deploy/settings.yaml", configMap("green")));
        controller.trigger("shop");

        // then
        awaitColor("green");
        awaitUntil(() -> controller.history("shop").stream().anyMatch(e -> e.reason() == RunReason.TRIGGER));
    }

    private static String configMap(String color) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\n"
                + "data:\n  color: " + color + "\n";
    }

    private void awaitColor(String color) {
        awaitUntil(() -> {
            Optional<JsonNode> live = api.get("v1", "ConfigMap", "default", "settings");
            return live.isPresent() && color.equals(live.get().at("/data/color").asText());
        });
    }

    /** Polls a condition until it holds or the bound passes; fails with the controller's status then. */
    private void awaitUntil(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition within %s; status %s", BOUND, controller.statuses())
                    .isLessThan(deadline);
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
