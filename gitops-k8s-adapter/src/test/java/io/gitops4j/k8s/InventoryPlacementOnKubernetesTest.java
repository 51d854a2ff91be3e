package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.inventory.RunRecord.HealthOutcome;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.Resource;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the Kubernetes target keeps inventories and run records (the inventory namespace, never the default
 * namespace), what it does when that namespace is missing, and that it creates no namespace of its own.
 */
class InventoryPlacementOnKubernetesTest {
    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    private KubernetesClient client;

    @BeforeEach
    void connect() {
        client = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(k8s.api().kubeconfig())).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private GitOpsEngine engine(String application, InMemorySource source, KubernetesTarget target) {
        return GitOpsEngine.builder().application(application).source(source).target(target).runBy("ci@build-7")
                .healthPollInterval(Duration.ofMillis(1)).build();
    }

    private static Resource unnamespacedConfigMap(String name) {
        return Manifests.resource("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name
                + "\ndata:\n  k: v\n");
    }

    @Test
    void theInventoryAndRunRecordsLiveInGitops4jSystemWhateverTheDefaultNamespace() {
        // given a target whose default namespace is shop
        KubernetesTarget target = KubernetesTarget.builder().client(client).defaultNamespace("shop").build();
        InMemorySource source = InMemorySource.of(io.gitops4j.model.DesiredState.of("r1",
                List.of(Manifests.namespace("shop"), unnamespacedConfigMap("settings"))));

        // when the application is reconciled
        ReconcileResult result = engine("shop-app", source, target).reconcile();

        // then its objects are in shop and its inventory and record in gitops4j-system, labelled
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(target.inventoryNamespace()).isEqualTo(KubernetesTarget.DEFAULT_INVENTORY_NAMESPACE)
                .isEqualTo("gitops4j-system");
        assertThat(client.configMaps().inNamespace("shop").withName("settings").get()).isNotNull();
        assertThat(client.configMaps().inNamespace("shop").withName(
                KubernetesInventoryStore.configMapName("shop-app")).get()).isNull();
        List<ConfigMap> maps = client.configMaps().inNamespace("gitops4j-system")
                .withLabel(WellKnownMetadata.APPLICATION_LABEL, "shop-app").list().getItems();
        assertThat(maps).extracting(m -> m.getMetadata().getName())
                .containsExactlyInAnyOrder("gitops4j-inventory-shop-app", "gitops4j-history-shop-app-1");
        ConfigMap record = client.configMaps().inNamespace("gitops4j-system")
                .withName("gitops4j-history-shop-app-1").get();
        assertThat(record.getMetadata().getLabels()).containsEntry(WellKnownMetadata.HISTORY_LABEL, "true");
        assertThat(record.getData()).containsEntry("application", "shop-app").containsEntry("revision", "r1")
                .containsEntry("outcome", "APPLIED").containsEntry("health", "HEALTHY")
                .containsEntry("runBy", "ci@build-7").containsEntry("applied", "2").containsKeys("started",
                        "finished", "digest", "pruned", "failed", "error", "sequence");
        assertThat(target.historyStore().list("shop-app")).singleElement()
                .satisfies(r -> assertThat(r.revision().map(Revision::id)).contains("r1"));
    }

    @Test
    void aMissingInventoryNamespaceFailsTheRunNamingItAndIsNotCreated() {
        // given an inventory namespace nobody created
        KubernetesTarget target = KubernetesTarget.builder().client(client).inventoryNamespace("gitops4j-elsewhere")
                .build();
        InMemorySource source = InMemorySource.of(io.gitops4j.model.DesiredState.of("r1",
                List.of(Manifests.configMap("default", "settings", "k", "v"))));

        // when the application is reconciled
        ReconcileResult result = engine("shop", source, target).reconcile();

        // then the run fails saying what is missing and what to do, and the namespace still does not exist
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error()).hasValueSatisfying(error -> assertThat(error)
                .contains("inventory namespace gitops4j-elsewhere does not exist",
                        "kubectl create namespace gitops4j-elsewhere", "inventoryNamespace"));
        assertThat(client.namespaces().withName("gitops4j-elsewhere").get()).isNull();
    }

    @Test
    void aFailedRunCreatesNoNamespaceOfAFailedObjectAndIsRecordedAsFailed() {
        // given objects for a default namespace that does not exist
        KubernetesTarget target = KubernetesTarget.builder().client(client).defaultNamespace("shop").build();
        InMemorySource source = InMemorySource.of(io.gitops4j.model.DesiredState.of("r1",
                List.of(unnamespacedConfigMap("settings"))));

        // when the application is reconciled
        ReconcileResult result = engine("shop", source, target).reconcile();

        // then the apply fails, no namespace shop appears, and the failure is recorded
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(client.namespaces().withName("shop").get()).isNull();
        assertThat(target.historyStore().list("shop")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunRecord.Outcome.FAILED);
            assertThat(r.failed()).isEqualTo(1);
            assertThat(r.error()).contains("ConfigMap/shop/settings");
            assertThat(r.rollbackPoint()).isFalse();
        });
    }

    @Test
    void aRunWhoseHealthWaitEndedUnhealthyIsRecordedSoAndIsNeverARollbackPoint() {
        // given a healthy first revision, then one whose Deployment never becomes available
        KubernetesTarget target = KubernetesTarget.builder().client(client).build();
        InMemorySource source = InMemorySource.of(io.gitops4j.model.DesiredState.of("r1",
                List.of(Manifests.configMap("default", "settings", "k", "v"))));
        GitOpsEngine engine = engine("shop", source, target);
        ReconcileOptions waiting = ReconcileOptions.builder().healthTimeout(Duration.ofMillis(20)).build();
        assertThat(engine.reconcile(waiting).healthy()).isTrue();
        source.commit("r2", List.of(Manifests.configMap("default", "settings", "k", "v"),
                Manifests.deployment("default", "web", "nginx:1.27", 1)));

        // when the second revision is applied and its health wait ends
        ReconcileResult second = engine.reconcile(waiting);

        // then it applied but is recorded unhealthy, and rollback skips it for the healthy first revision
        assertThat(second.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(second.healthy()).isFalse();
        HistoryStore history = target.historyStore();
        assertThat(history.list("shop")).extracting(RunRecord::health)
                .containsExactly(HealthOutcome.UNHEALTHY, HealthOutcome.HEALTHY);
        assertThat(history.lastRollbackPoint("shop", "r2").flatMap(RunRecord::revision).map(Revision::id))
                .contains("r1");
        assertThat(history.lastRollbackPoint("shop", "").flatMap(RunRecord::revision).map(Revision::id))
                .contains("r1");
    }
}
