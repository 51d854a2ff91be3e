package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a {@link KubernetesTarget} with the watch cache plans exactly what it plans without it: nothing for
 * an unchanged folder, and the update of an object another client changed, once its watch event arrived.
 */
class WatchCacheOnEngineTest {
    private static final ResourceKey DRIFTED = ResourceKey.of("", "ConfigMap", "shop", "settings-3");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension(builder -> builder.namespaces("shop"));

    @TempDir
    Path manifests;

    private KubernetesClient client;
    private KubernetesTarget watching;
    private KubernetesTarget requesting;

    @BeforeEach
    void start() throws IOException {
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k8s.api().kubeconfig())).build();
        for (int i = 0; i < 10; i++) {
            Files.writeString(manifests.resolve("settings-" + i + ".yaml"), Manifests.configMap("shop",
                    "settings-" + i, "color", "blue").tree().toString());
        }
        Files.writeString(manifests.resolve("web.yaml"), Manifests.deployment("shop", "web", "nginx:1.27", 2).tree()
                .toString());
        watching = KubernetesTarget.builder().client(client).watchCache(true).build();
        requesting = KubernetesTarget.builder().client(client).build();
    }

    @AfterEach
    void stop() {
        watching.close();
        requesting.close();
        client.close();
    }

    private GitOpsEngine engine(KubernetesTarget target) {
        return GitOpsEngine.builder().application("shop").source(DirectorySource.of(manifests)).target(target).build();
    }

    @Test
    void aNoChangeRunConvergesWithThePlanOfARunWithoutTheCache() {
        // given
        ReconcileResult first = engine(watching).reconcile();

        // when
        ReconcileResult cached = engine(watching).reconcile();
        ReconcileResult again = engine(watching).reconcile();
        ReconcileResult uncached = engine(requesting).reconcile();

        // then
        assertThat(first.outcome()).as(first.failedSteps().toString()).isEqualTo(Outcome.APPLIED);
        assertThat(cached.outcome()).as(cached.plan().toText()).isEqualTo(Outcome.CONVERGED);
        assertThat(again.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(cached.plan().toText()).isEqualTo(uncached.plan().toText());
        assertThat(again.plan().toText()).isEqualTo(uncached.plan().toText());
    }

    @Test
    void driftByAnotherClientIsPlannedOnceItsEventArrived() {
        // given
        engine(watching).reconcile();
        assertThat(engine(watching).reconcile().outcome()).isEqualTo(Outcome.CONVERGED);

        // when
        client.configMaps().inNamespace("shop").withName(DRIFTED.name())
                .edit(map -> new ConfigMapBuilder(map).addToData("color", "red").build());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!watching.observe(List.of(DRIFTED)).get(DRIFTED).orElseThrow().object().tree().at("/data/color")
                .asText().equals("red")) {
            assertThat(System.nanoTime()).as("waited for the drift's event").isLessThan(deadline);
            Thread.onSpinWait();
        }
        ReconcileResult cachedPlan = engine(watching).plan();
        ReconcileResult uncachedPlan = engine(requesting).plan();
        ReconcileResult corrected = engine(watching).reconcile();

        // then
        assertThat(cachedPlan.plan().toText()).isEqualTo(uncachedPlan.plan().toText());
        assertThat(corrected.plan().applies()).extracting(step -> step.key()).containsExactly(DRIFTED);
        assertThat(corrected.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(engine(watching).reconcile().outcome()).isEqualTo(Outcome.CONVERGED);
    }
}
