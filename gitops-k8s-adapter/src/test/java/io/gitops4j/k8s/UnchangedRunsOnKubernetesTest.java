package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.ForwardingTarget;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a {@link KubernetesTarget} that reuses unchanged live objects: a run with nothing changed plans
 * nothing (and sees the very objects of the run before), and drift made by another client is still detected and
 * corrected on the next run. Ten ConfigMaps are read with one LIST, the Deployment with a GET.
 */
class UnchangedRunsOnKubernetesTest {
    private static final ResourceKey DRIFTED = ResourceKey.of("", "ConfigMap", "shop", "settings-3");
    private static final ResourceKey WEB = ResourceKey.of("apps", "Deployment", "shop", "web");

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension(builder -> builder.namespaces("shop"));

    @TempDir
    Path manifests;

    private KubernetesClient client;
    private ObservationRecorder target;
    private GitOpsEngine engine;

    @BeforeEach
    void start() throws IOException {
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k8s.api().kubeconfig())).build();
        for (int i = 0; i < 10; i++) {
            Files.writeString(manifests.resolve("settings-" + i + ".yaml"), """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: settings-%d
                      namespace: shop
                    data:
                      color: blue
                    """.formatted(i));
        }
        Files.writeString(manifests.resolve("web.yaml"), Manifests.deployment("shop", "web", "nginx:1.27", 2).tree()
                .toString());
        target = new ObservationRecorder(KubernetesTarget.builder().client(client).build());
        engine = GitOpsEngine.builder().application("shop").source(DirectorySource.of(manifests)).target(target)
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void aRunWithNothingChangedPlansNothingAndSeesTheSameObjects() {
        // given
        ReconcileResult first = engine.reconcile();
        engine.reconcile();
        LiveState before = target.lastObserved;

        // when
        ReconcileResult unchanged = engine.reconcile();

        // then
        assertThat(first.outcome()).as(first.failedSteps().toString()).isEqualTo(Outcome.APPLIED);
        assertThat(unchanged.outcome()).as(unchanged.plan().toText()).isEqualTo(Outcome.CONVERGED);
        assertThat(unchanged.plan().hasChanges()).isFalse();
        assertThat(target.lastObserved.resources()).hasSize(11);
        target.lastObserved.resources().forEach((key, live) ->
                assertThat(live).as(key.toString()).isSameAs(before.get(key).orElseThrow()));
    }

    @Test
    void driftByAnotherClientIsDetectedAndCorrectedOnTheNextRun() {
        // given a converged application whose live objects the target remembers
        engine.reconcile();
        assertThat(engine.reconcile().outcome()).isEqualTo(Outcome.CONVERGED);
        client.configMaps().inNamespace("shop").withName(DRIFTED.name())
                .edit(map -> new ConfigMapBuilder(map).addToData("color", "red").build());
        client.apps().deployments().inNamespace("shop").withName(WEB.name())
                .edit(d -> { d.getSpec().setReplicas(5); return d; });

        // when
        ReconcileResult corrected = engine.reconcile();
        ReconcileResult after = engine.reconcile();

        // then
        assertThat(corrected.outcome()).as(corrected.plan().toText()).isEqualTo(Outcome.APPLIED);
        assertThat(corrected.plan().applies()).extracting(step -> step.key()).containsExactly(DRIFTED, WEB);
        assertThat(corrected.step(DRIFTED).map(StepResult::action)).contains(ChangeType.UPDATE);
        assertThat(client.configMaps().inNamespace("shop").withName(DRIFTED.name()).get().getData())
                .containsEntry("color", "blue");
        assertThat(client.apps().deployments().inNamespace("shop").withName(WEB.name()).get().getSpec()
                .getReplicas()).isEqualTo(2);
        assertThat(after.outcome()).as(after.plan().toText()).isEqualTo(Outcome.CONVERGED);
    }

    /** A target that passes everything to a Kubernetes target and keeps the last live state it observed. */
    private static final class ObservationRecorder extends ForwardingTarget {
        private volatile LiveState lastObserved;

        ObservationRecorder(KubernetesTarget delegate) {
            super(delegate);
        }

        @Override
        public LiveState observe(Collection<ResourceKey> keys) {
            LiveState live = super.observe(keys);
            lastObserved = live;
            return live;
        }
    }
}
