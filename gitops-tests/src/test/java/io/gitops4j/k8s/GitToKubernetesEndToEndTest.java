package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.git.GitSource;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Git repository → {@link GitSource} → {@link GitOpsEngine} → {@link KubernetesTarget} on the embedded API: apply,
 * converge, change a commit (update and prune), correct drift, and prune from a restarted process.
 *
 * <p>Drift made with an update (as {@code kubectl edit} does) moves the field to the editor's manager, so the next
 * apply conflicts unless it forces, as on a real API server: a self-healing setup forces conflicts (as Argo CD and
 * Flux do for server-side apply).
 */
class GitToKubernetesEndToEndTest {
    private static final String WEB_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              labels:
                app: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    ports:
                    - containerPort: 8080
                      protocol: TCP
            """;

    private static final ResourceKey SETTINGS = ResourceKey.of("", "ConfigMap", "shop", "settings");
    private static final ResourceKey LEGACY = ResourceKey.of("", "ConfigMap", "shop", "legacy");
    private static final ResourceKey WEB = ResourceKey.of("apps", "Deployment", "shop", "web");

    private EmbeddedKubernetesApi api;
    private KubernetesClient client;
    private GitRepoFixture repo;
    private GitSource source;

    @BeforeEach
    void start() {
        api = EmbeddedKubernetesApi.builder().build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
        repo = GitRepoFixture.create();
        repo.commit(Map.of(
                "shop/namespace.yaml", """
                        apiVersion: v1
                        kind: Namespace
                        metadata:
                          name: shop
                          labels:
                            team: shop
                        """,
                "shop/settings.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: settings
                          namespace: shop
                        data:
                          color: blue
                        ---
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: legacy
                          namespace: shop
                        data:
                          old: "true"
                        """,
                "shop/web.yaml", WEB_DEPLOYMENT));
        source = GitSource.builder().uri(repo.fileUri()).build();
    }

    @AfterEach
    void stop() {
        source.close();
        repo.close();
        client.close();
        api.close();
    }

    private GitOpsEngine engine(KubernetesTarget target) {
        return GitOpsEngine.builder().application("shop").source(source).target(target).build();
    }

    @Test
    void reconcilesGitIntoTheClusterUpdatesPrunesAndCorrectsDrift() {
        GitOpsEngine engine = engine(KubernetesTarget.builder().client(client).inventoryNamespace("kube-system")
                .build());

        ReconcileResult first = engine.reconcile(ReconcileOptions.defaults());
        ReconcileResult second = engine.reconcile(ReconcileOptions.defaults());

        assertThat(first.outcome()).as(first.toString() + first.failedSteps()).isEqualTo(ReconcileResult.Outcome.APPLIED);
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("color", "blue");
        assertThat(client.apps().deployments().inNamespace("shop").withName("web").get().getMetadata()
                .getAnnotations()).containsEntry("gitops4j.io/tracking-id", "shop:apps/Deployment:shop/web");
        assertThat(second.outcome()).as(second.plan().toText()).isEqualTo(ReconcileResult.Outcome.CONVERGED);

        repo.commit(Map.of("shop/settings.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: shop
                data:
                  color: green
                """));
        ReconcileResult third = engine.reconcile(ReconcileOptions.defaults());

        assertThat(third.outcome()).as(third.toString() + third.failedSteps()).isEqualTo(ReconcileResult.Outcome.APPLIED);
        assertThat(third.step(SETTINGS).map(StepResult::action)).contains(ChangeType.UPDATE);
        assertThat(third.step(LEGACY).map(StepResult::action)).contains(ChangeType.DELETE);
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("color", "green");
        assertThat(client.configMaps().inNamespace("shop").withName("legacy").get()).isNull();

        client.configMaps().inNamespace("shop").withName("settings")
                .edit(cm -> new ConfigMapBuilder(cm).addToData("color", "red").build());
        ReconcileResult fourth = engine.reconcile(ReconcileOptions.defaults());

        assertThat(fourth.step(SETTINGS).map(StepResult::action)).as(fourth.plan().toText()).contains(ChangeType.UPDATE);
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("color", "green");
        assertThat(engine.reconcile(ReconcileOptions.defaults()).outcome()).isEqualTo(ReconcileResult.Outcome.CONVERGED);
    }

    @Test
    void withoutForceDriftByAnotherManagerIsAConflictNamingIt() {
        GitOpsEngine engine = engine(KubernetesTarget.builder().client(client).forceConflicts(false).build());
        engine.reconcile(ReconcileOptions.defaults());
        client.configMaps().inNamespace("shop").withName("settings")
                .edit(cm -> new ConfigMapBuilder(cm).addToData("color", "red").build());

        ReconcileResult result = engine.reconcile(ReconcileOptions.defaults());
        ReconcileResult forced = engine.reconcile(ReconcileOptions.builder().force(true).build());

        StepResult step = result.step(SETTINGS).orElseThrow();
        assertThat(step.isFailed()).isTrue();
        assertThat(step.message()).contains("conflicts with field manager").contains(".data.color");
        assertThat(forced.outcome()).as(forced.failedSteps().toString()).isEqualTo(ReconcileResult.Outcome.APPLIED);
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get().getData())
                .containsEntry("color", "blue");
    }

    @Test
    void aCustomResourceDefinitionAndItsResourcesInOneCommitConvergeInOneRun() {
        repo.commit(Map.of("crd/widgets.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.gitops4j.io
                spec:
                  group: example.gitops4j.io
                  scope: Namespaced
                  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """, "shop/widget.yaml", """
                apiVersion: example.gitops4j.io/v1
                kind: Widget
                metadata:
                  name: first
                  namespace: shop
                spec:
                  size: 3
                """));
        GitOpsEngine engine = engine(KubernetesTarget.builder().client(client).build());
        ResourceKey widget = ResourceKey.of("example.gitops4j.io", "Widget", "shop", "first");

        ReconcileResult first = engine.reconcile(ReconcileOptions.defaults());

        assertThat(first.failedSteps()).isEmpty();
        assertThat(first.outcome()).isEqualTo(ReconcileResult.Outcome.APPLIED);
        assertThat(first.step(widget).map(StepResult::status)).contains(StepResult.Status.APPLIED);
        assertThat(client.genericKubernetesResources("example.gitops4j.io/v1", "Widget").inNamespace("shop")
                .withName("first").get()).isNotNull();
        assertThat(engine.reconcile(ReconcileOptions.defaults()).outcome()).isEqualTo(ReconcileResult.Outcome.CONVERGED);
    }

    @Test
    void aRestartedProcessPrunesWithTheInventoryStoredInTheCluster() {
        engine(KubernetesTarget.builder().client(client).build()).reconcile(ReconcileOptions.defaults());
        repo.delete(GitRepoFixture.DEFAULT_BRANCH, "shop/web.yaml");

        try (KubernetesClient restartedClient = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(api.kubeconfig())).build()) {
            ReconcileResult result = engine(KubernetesTarget.builder().client(restartedClient).build())
                    .reconcile(ReconcileOptions.defaults());

            assertThat(result.step(WEB).map(StepResult::action)).as(result.plan().toText()).contains(ChangeType.DELETE);
        }
        assertThat(client.apps().deployments().inNamespace("shop").withName("web").get()).isNull();
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get()).isNotNull();
    }

    @Test
    void reportsWhichResourcesAreNotHealthyAndWhy() {
        GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(source)
                .target(KubernetesTarget.builder().client(client).build())
                .healthPollInterval(Duration.ofMillis(50)).build();

        ReconcileResult result = engine.reconcile(ReconcileOptions.builder().healthTimeout(Duration.ofMillis(300)).build());

        assertThat(result.health().get(WEB).status()).isEqualTo(HealthStatus.PROGRESSING);
        assertThat(result.health().get(WEB).message()).contains("0 of 2 new replicas have been updated");
        assertThat(result.health().get(SETTINGS).isHealthy()).isTrue();
        assertThat(result.healthy()).isFalse();
    }
}
