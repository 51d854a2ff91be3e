package io.gitops4j.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fabric8 client, unchanged, against the embedded server: the calls the Kubernetes target adapter makes. */
class EmbeddedKubernetesApiFabric8Test {

    private EmbeddedKubernetesApi api;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        api = EmbeddedKubernetesApi.builder().build().start();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(api.url().toString())
                .withNamespace("default").withRequestTimeout(10_000).build();
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    private static Deployment deployment(String name, int replicas, String image) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("default")
                .addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    @Test
    void typedCreateGetListUpdateDelete() {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("c1").addToLabels("tier", "a")
                .endMetadata().addToData("k", "v").build()).create();

        ConfigMap got = client.configMaps().withName("c1").get();
        got.getData().put("k", "w");
        ConfigMap updated = client.configMaps().resource(got).update();
        List<ConfigMap> listed = client.configMaps().withLabel("tier", "a").list().getItems();

        assertThat(updated.getData()).containsEntry("k", "w");
        assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(got.getMetadata().getResourceVersion()));
        assertThat(listed).extracting(c -> c.getMetadata().getName()).containsExactly("c1");
        assertThat(client.configMaps().withName("c1").delete()).hasSize(1);
        assertThat(client.configMaps().withName("c1").get()).isNull();
    }

    @Test
    void staleUpdateIsAConflictForFabric8() {
        ConfigMap created = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("c2")
                .endMetadata().addToData("k", "v").build()).create();
        client.configMaps().withName("c2").edit(c -> new ConfigMapBuilder(c).addToData("k", "changed").build());

        created.getData().put("k", "stale");

        assertThatThrownBy(() -> client.configMaps().resource(created).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void genericResourcesWorkThroughDiscovery() {
        GenericKubernetesResource lease = new GenericKubernetesResource();
        lease.setApiVersion("coordination.k8s.io/v1");
        lease.setKind("Lease");
        lease.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("l1")
                .withNamespace("default").build());
        lease.setAdditionalProperty("spec", Map.of("holderIdentity", "me"));

        client.genericKubernetesResources("coordination.k8s.io/v1", "Lease").resource(lease).create();
        GenericKubernetesResource got = client.genericKubernetesResources("coordination.k8s.io/v1", "Lease")
                .inNamespace("default").withName("l1").get();

        assertThat(got.get("spec", "holderIdentity").toString()).isEqualTo("me");
    }

    @Test
    void discoveryListsGroupsAndResources() {
        APIGroupList groups = client.getApiGroups();
        List<APIResource> apps = client.getApiResources("apps/v1").getResources();

        assertThat(groups.getGroups()).extracting(g -> g.getName()).contains("apps", "batch",
                "coordination.k8s.io", "apiextensions.k8s.io");
        assertThat(apps).filteredOn(r -> r.getName().equals("deployments"))
                .singleElement().satisfies(r -> {
                    assertThat(r.getKind()).isEqualTo("Deployment");
                    assertThat(r.getNamespaced()).isTrue();
                    assertThat(r.getVerbs()).contains("patch", "watch");
                });
    }

    @Test
    void serverSideApplyWithFieldManagerConflictAndForce() {
        client.apps().deployments().resource(deployment("web", 2, "nginx:1")).fieldManager("gitops")
                .serverSideApply();

        Deployment other = deployment("web", 5, "nginx:1");
        assertThatThrownBy(() -> client.apps().deployments().resource(other).fieldManager("other")
                .serverSideApply())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("conflict with \"gitops\"").contains(".spec.replicas");
                });
        Deployment forced = client.apps().deployments().resource(other).fieldManager("other").forceConflicts()
                .serverSideApply();

        assertThat(forced.getSpec().getReplicas()).isEqualTo(5);
        assertThat(forced.getMetadata().getManagedFields()).extracting(m -> m.getManager())
                .containsExactly("gitops", "other");
    }

    @Test
    void dryRunDoesNotPersist() {
        ConfigMap result = client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("dry")
                .endMetadata().build()).dryRun().create();

        assertThat(result.getMetadata().getName()).isEqualTo("dry");
        assertThat(client.configMaps().withName("dry").get()).isNull();
    }

    @Test
    void watchSeesAddedModifiedDeleted() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        Watch watch = client.configMaps().watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName());
                three.countDown();
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
        try {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("w").endMetadata()
                    .build()).create();
            client.configMaps().withName("w").edit(c -> new ConfigMapBuilder(c).addToData("a", "b").build());
            client.configMaps().withName("w").delete();

            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            watch.close();
        }

        assertThat(events).containsExactly("ADDED w", "MODIFIED w", "DELETED w");
    }

    @Test
    void waitUntilConditionSeesStatusSetByTheTestHook() {
        client.apps().deployments().resource(deployment("app", 1, "nginx:1")).fieldManager("gitops")
                .serverSideApply();
        ObjectNode status = KubeHttp.JSON.createObjectNode().put("availableReplicas", 1).put("readyReplicas", 1)
                .put("observedGeneration", 1);

        Thread controller = new Thread(() -> api.setStatus("apps/v1", "Deployment", "default", "app", status));
        controller.start();
        Deployment ready = client.apps().deployments().withName("app").waitUntilCondition(
                d -> d != null && d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getReadyReplicas()),
                10, TimeUnit.SECONDS);

        assertThat(ready.getMetadata().getGeneration()).isEqualTo(1L);
    }

    @Test
    void namespaceCanBeCreatedAndDeleted() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team").endMetadata().build())
                .create();
        client.configMaps().inNamespace("team").resource(new ConfigMapBuilder().withNewMetadata().withName("x")
                .endMetadata().build()).create();

        client.namespaces().withName("team").delete();
        client.namespaces().withName("team").waitUntilCondition(java.util.Objects::isNull, 10, TimeUnit.SECONDS);

        assertThat(client.configMaps().inNamespace("team").list().getItems()).isEmpty();
        assertThat(Serialization.asJson(client.namespaces().withName("default").get())).contains("Active");
    }

    @Test
    void informerSeesAddsUpdatesAndDeletes() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        ResourceEventHandler<ConfigMap> handler = new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj) {
                record("add " + obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                record("update " + newObj.getMetadata().getName());
            }

            @Override
            public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                record("delete " + obj.getMetadata().getName());
            }

            private void record(String event) {
                events.add(event);
                three.countDown();
            }
        };
        try (SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("default").inform(handler)) {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("i").endMetadata()
                    .build()).create();
            client.configMaps().withName("i").edit(c -> new ConfigMapBuilder(c).addToData("a", "b").build());
            client.configMaps().withName("i").delete();

            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(informer.hasSynced()).isTrue();
        }
        assertThat(events).containsExactly("add i", "update i", "delete i");
    }

    @Test
    void genericServerSideApplyOfACustomResourceAfterItsCrd() {
        client.apiextensions().v1().customResourceDefinitions().resource(
                Serialization.unmarshal(Manifests.crd(), CustomResourceDefinition.class)).create();
        client.apiextensions().v1().customResourceDefinitions().withName("widgets.example.com").waitUntilCondition(
                c -> c.getStatus() != null && c.getStatus().getConditions().stream()
                        .anyMatch(x -> x.getType().equals("Established") && x.getStatus().equals("True")),
                10, TimeUnit.SECONDS);
        GenericKubernetesResource widget = Serialization.unmarshal("{\"apiVersion\":\"example.com/v1\","
                + "\"kind\":\"Widget\",\"metadata\":{\"name\":\"w1\",\"namespace\":\"default\"},"
                + "\"spec\":{\"size\":3}}", GenericKubernetesResource.class);

        GenericKubernetesResource applied = client.genericKubernetesResources("example.com/v1", "Widget")
                .resource(widget).fieldManager("gitops").forceConflicts().serverSideApply();
        GenericKubernetesResource dry = client.genericKubernetesResources("example.com/v1", "Widget")
                .inNamespace("default").withName("w1").dryRun().edit(w -> {
                    w.setAdditionalProperty("spec", Map.of("size", 9));
                    return w;
                });

        assertThat(applied.getMetadata().getManagedFields()).singleElement()
                .satisfies(m -> assertThat(m.getOperation()).isEqualTo("Apply"));
        assertThat(dry.get("spec", "size").toString()).isEqualTo("9");
        assertThat(client.genericKubernetesResources("example.com/v1", "Widget").inNamespace("default")
                .withName("w1").get().get("spec", "size").toString()).isEqualTo("3");
    }

    @Test
    void leaseUpdatesWithStaleResourceVersionConflictSoLeaderElectionIsSafe() {
        Lease lease = new LeaseBuilder().withNewMetadata().withName("leader").endMetadata().withNewSpec()
                .withHolderIdentity("a").endSpec().build();
        Lease created = client.leases().resource(lease).create();
        Lease takenByB = new LeaseBuilder(created).editSpec().withHolderIdentity("b").endSpec().build();
        Lease takenByC = new LeaseBuilder(created).editSpec().withHolderIdentity("c").endSpec().build();

        client.leases().resource(takenByB).update();

        assertThatThrownBy(() -> client.leases().resource(takenByC).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(client.leases().withName("leader").get().getSpec().getHolderIdentity()).isEqualTo("b");
    }
}
