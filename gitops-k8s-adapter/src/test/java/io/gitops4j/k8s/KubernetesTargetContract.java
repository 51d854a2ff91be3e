package io.gitops4j.k8s;

import static io.gitops4j.k8s.Manifests.configMap;
import static io.gitops4j.k8s.Manifests.deployment;
import static io.gitops4j.k8s.Manifests.namespace;
import static io.gitops4j.k8s.Manifests.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.ConflictException;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteOutcome;
import io.gitops4j.target.PropagationPolicy;
import io.gitops4j.TargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link KubernetesTarget} against an API server, run against the embedded API and, when
 * configured, a real cluster. Each test works in a fresh namespace it creates through the target.
 */
abstract class KubernetesTargetContract {
    private final List<String> namespaces = new ArrayList<>();
    protected KubernetesTarget target;
    protected String ns;

    /** Returns a client for the server under test; the suite does not close it. */
    protected abstract KubernetesClient client();

    protected KubernetesTarget.Builder targetBuilder() {
        return KubernetesTarget.builder().client(client());
    }

    @BeforeEach
    void createNamespace() {
        target = targetBuilder().forceConflicts(false).build();
        ns = newNamespace();
    }

    @AfterEach
    void removeNamespaces() {
        for (String name : namespaces) {
            client().namespaces().withName(name).delete();
        }
    }

    protected String newNamespace() {
        String name = "gitops4j-test-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        target.apply(namespace(name), ApplyOptions.DEFAULT);
        namespaces.add(name);
        return name;
    }

    @Test
    void createsThenReportsUnchangedWhenAppliedAgain() {
        Resource settings = configMap(ns, "settings", "color", "blue");

        ApplyResult first = target.apply(settings, ApplyOptions.DEFAULT);
        ApplyResult second = target.apply(settings, ApplyOptions.DEFAULT);

        assertThat(first.outcome()).isEqualTo(ApplyOutcome.CREATED);
        assertThat(second.outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
        assertThat(second.live().tree().path("data").path("color").asText()).isEqualTo("blue");
        assertThat(second.live().tree().path("metadata").has("managedFields")).isFalse();
    }

    @Test
    void reportsConfiguredWhenADeclaredFieldChanges() {
        target.apply(configMap(ns, "settings", "color", "blue"), ApplyOptions.DEFAULT);

        ApplyResult result = target.apply(configMap(ns, "settings", "color", "green"), ApplyOptions.DEFAULT);

        assertThat(result.outcome()).isEqualTo(ApplyOutcome.CONFIGURED);
        assertThat(observeOne(result.key()).object().tree().path("data").path("color").asText()).isEqualTo("green");
    }

    @Test
    void keepsTheEnginesTrackingAnnotation() {
        Resource settings = configMap(ns, "settings", "color", "blue");

        ApplyResult result = target.apply(settings, ApplyOptions.DEFAULT);

        assertThat(observeOne(result.key()).object().annotation("gitops4j.io/tracking-id"))
                .contains("test:/ConfigMap:" + ns + "/settings");
    }

    @Test
    void dryRunCreateChangesNothing() {
        Resource settings = configMap(ns, "settings", "color", "blue");

        ApplyResult result = target.apply(settings, ApplyOptions.DEFAULT.withDryRun(true));

        assertThat(result.outcome()).isEqualTo(ApplyOutcome.CREATED);
        assertThat(result.live().tree().path("data").path("color").asText()).isEqualTo("blue");
        assertThat(target.observe(List.of(settings.key())).size()).isZero();
    }

    @Test
    void dryRunUpdateReportsTheChangeButKeepsTheLiveObject() {
        target.apply(configMap(ns, "settings", "color", "blue"), ApplyOptions.DEFAULT);

        ApplyResult changed = target.apply(configMap(ns, "settings", "color", "green"),
                ApplyOptions.DEFAULT.withDryRun(true));
        ApplyResult same = target.apply(configMap(ns, "settings", "color", "blue"),
                ApplyOptions.DEFAULT.withDryRun(true));

        assertThat(changed.outcome()).isEqualTo(ApplyOutcome.CONFIGURED);
        assertThat(changed.live().tree().path("data").path("color").asText()).isEqualTo("green");
        assertThat(same.outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
        assertThat(observeOne(changed.key()).object().tree().path("data").path("color").asText()).isEqualTo("blue");
    }

    @Test
    void observesOnlyExistingObjectsWithWhatThisManagerApplied() {
        Resource settings = configMap(ns, "settings", "color", "blue");
        target.apply(settings, ApplyOptions.DEFAULT);
        client().configMaps().inNamespace(ns).withName("settings")
                .edit(cm -> new ConfigMapBuilder(cm).addToData("size", "large").build());
        ResourceKey absent = ResourceKey.of("", "ConfigMap", ns, "absent");

        LiveState live = target.observe(List.of(settings.key(), absent));

        assertThat(live.resources().keySet()).containsExactly(settings.key());
        LiveResource observed = live.get(settings.key()).orElseThrow();
        assertThat(observed.object().tree().path("data").path("size").asText()).isEqualTo("large");
        assertThat(observed.object().tree().path("metadata").has("managedFields")).isFalse();
        Resource applied = observed.lastApplied().orElseThrow();
        assertThat(applied.tree().path("data").path("color").asText()).isEqualTo("blue");
        assertThat(applied.tree().path("data").has("size")).isFalse();
        assertThat(applied.annotation("gitops4j.io/tracking-id")).isPresent();
    }

    @Test
    void observesManyObjectsOfOneKindWithOneListLikeWithGets() {
        List<ResourceKey> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(target.apply(configMap(ns, "item-" + i, "index", Integer.toString(i)), ApplyOptions.DEFAULT).key());
        }
        keys.add(ResourceKey.of("", "ConfigMap", ns, "absent"));
        KubernetesTarget listing = targetBuilder().listThreshold(1).build();
        KubernetesTarget getting = targetBuilder().listThreshold(1000).build();

        LiveState listed = listing.observe(keys);
        LiveState got = getting.observe(keys);

        assertThat(listed.size()).isEqualTo(12);
        assertThat(listed.resources().keySet()).isEqualTo(got.resources().keySet());
        assertThat(listed.get(keys.get(3)).orElseThrow().lastApplied().orElseThrow().tree().path("data")
                .path("index").asText()).isEqualTo("3");
    }

    @Test
    void putsNamespacedObjectsWithoutNamespaceIntoTheDefaultNamespace() {
        KubernetesTarget scoped = targetBuilder().defaultNamespace(ns).build();
        Resource settings = resource("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: unplaced
                data:
                  a: b
                """);

        ResourceKey resolved = scoped.resolve(settings.key());
        ApplyResult result = scoped.apply(settings, ApplyOptions.DEFAULT);

        assertThat(resolved).isEqualTo(ResourceKey.of("", "ConfigMap", ns, "unplaced"));
        assertThat(result.key()).isEqualTo(resolved);
        assertThat(client().configMaps().inNamespace(ns).withName("unplaced").get()).isNotNull();
    }

    @Test
    void rejectsANamespaceOnAClusterScopedKind() {
        ResourceKey key = ResourceKey.of("rbac.authorization.k8s.io", "ClusterRole", ns, "reader");

        assertThatThrownBy(() -> target.resolve(key))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("cluster-scoped")
                .hasMessageContaining(key.toString());
    }

    @Test
    void rejectsAnUnknownKindNamingTheFile() {
        Resource widget = resource("""
                apiVersion: example.gitops4j.io/v1
                kind: Gadget
                metadata:
                  name: one
                  namespace: default
                """);

        assertThatThrownBy(() -> target.apply(widget, ApplyOptions.DEFAULT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("no kind Gadget in group example.gitops4j.io is served by the cluster")
                .hasMessageContaining("test/manifest.yaml")
                .hasMessageContaining("is its CRD applied?");
    }

    @Test
    void reportsAFieldManagerConflictNamingTheOtherManager() {
        Resource settings = configMap(ns, "settings", "color", "blue");
        client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("settings").withNamespace(ns).endMetadata().addToData("color", "red").build())
                .fieldManager("helm").serverSideApply();

        assertThatThrownBy(() -> target.apply(settings, ApplyOptions.DEFAULT))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.owner()).isEqualTo("helm");
                    assertThat(e.fields()).containsExactly(".data.color");
                    assertThat(e.key()).contains(settings.key());
                });
        ApplyResult forced = target.apply(settings, ApplyOptions.DEFAULT.withForce(true));
        assertThat(forced.outcome()).isEqualTo(ApplyOutcome.CONFIGURED);
        assertThat(forced.live().tree().path("data").path("color").asText()).isEqualTo("blue");
    }

    @Test
    void forcesConflictsWhenConfiguredTo() {
        client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("settings").withNamespace(ns).endMetadata().addToData("color", "red").build())
                .fieldManager("helm").serverSideApply();
        KubernetesTarget forcing = targetBuilder().forceConflicts(true).build();

        ApplyResult result = forcing.apply(configMap(ns, "settings", "color", "blue"), ApplyOptions.DEFAULT);

        assertThat(result.live().tree().path("data").path("color").asText()).isEqualTo("blue");
    }

    @Test
    void appliesUnderTheConfiguredFieldManager() {
        KubernetesTarget custom = targetBuilder().fieldManager("my-tool").build();

        custom.apply(configMap(ns, "settings", "color", "blue"), ApplyOptions.DEFAULT);

        assertThat(client().configMaps().inNamespace(ns).withName("settings").get().getMetadata().getManagedFields())
                .anySatisfy(entry -> {
                    assertThat(entry.getManager()).isEqualTo("my-tool");
                    assertThat(entry.getOperation()).isEqualTo("Apply");
                });
        assertThat(target.observe(List.of(ResourceKey.of("", "ConfigMap", ns, "settings")))
                .get(ResourceKey.of("", "ConfigMap", ns, "settings")).orElseThrow().lastApplied()).isEmpty();
    }

    @Test
    void createsUpdatesAndPrunesADeployment() {
        Resource v1 = deployment(ns, "web", "nginx:1.27", 2);
        Resource v2 = deployment(ns, "web", "nginx:1.28", 3);

        ApplyResult created = target.apply(v1, ApplyOptions.DEFAULT);
        ApplyResult updated = target.apply(v2, ApplyOptions.DEFAULT);
        LiveResource live = observeOne(created.key());
        var deleted = target.delete(created.key(), new DeleteOptions(false, PropagationPolicy.FOREGROUND));

        assertThat(created.outcome()).isEqualTo(ApplyOutcome.CREATED);
        assertThat(updated.outcome()).isEqualTo(ApplyOutcome.CONFIGURED);
        assertThat(live.object().tree().at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1.28");
        assertThat(live.lastApplied().orElseThrow().tree().at("/spec/template/spec/containers/0/ports/0/containerPort")
                .asInt()).isEqualTo(8080);
        assertThat(deleted.outcome()).isEqualTo(DeleteOutcome.DELETED);
        client().apps().deployments().inNamespace(ns).withName("web")
                .waitUntilCondition(Objects::isNull, 30, TimeUnit.SECONDS);
    }

    @Test
    void appliesAManifestExportedFromAClusterWithServerMetadata() {
        Resource exported = resource("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: exported
                  namespace: %s
                  uid: 0f1e2d3c-4b5a-6978-8897-a6b5c4d3e2f1
                  resourceVersion: "123456"
                  creationTimestamp: "2026-01-01T00:00:00Z"
                  managedFields:
                  - manager: kubectl-client-side-apply
                    operation: Update
                    apiVersion: v1
                    fieldsType: FieldsV1
                    fieldsV1: {f:data: {f:a: {}}}
                data:
                  a: b
                """.formatted(ns));

        ApplyResult result = target.apply(exported, ApplyOptions.DEFAULT);

        assertThat(result.outcome()).isEqualTo(ApplyOutcome.CREATED);
        assertThat(result.live().tree().at("/metadata/uid").asText()).isNotEqualTo("0f1e2d3c-4b5a-6978-8897-a6b5c4d3e2f1");
    }

    @Test
    void deleteOfAMissingObjectIsNotFound() {
        var result = target.delete(ResourceKey.of("", "ConfigMap", ns, "never-there"), DeleteOptions.DEFAULT);

        assertThat(result.outcome()).isEqualTo(DeleteOutcome.NOT_FOUND);
    }

    @Test
    void dryRunDeleteKeepsTheObject() {
        ResourceKey key = target.apply(configMap(ns, "settings", "color", "blue"), ApplyOptions.DEFAULT).key();

        var result = target.delete(key, DeleteOptions.DEFAULT.withDryRun(true));

        assertThat(result.outcome()).isEqualTo(DeleteOutcome.DELETED);
        assertThat(target.observe(List.of(key)).contains(key)).isTrue();
    }

    @Test
    void neverDeletesAnObjectWhosePruneIsDisabled() {
        Resource kept = resource("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: kept
                  namespace: %s
                  annotations:
                    gitops4j.io/prune: disabled
                data:
                  a: b
                """.formatted(ns));
        ResourceKey key = target.apply(kept, ApplyOptions.DEFAULT).key();

        var result = target.delete(key, DeleteOptions.DEFAULT);

        assertThat(result.outcome()).isEqualTo(DeleteOutcome.NOT_FOUND);
        assertThat(target.observe(List.of(key)).contains(key)).isTrue();
    }

    @Test
    void appliesACustomResourceDefinitionAndItsResourceInOneRun() {
        String group = "g" + ns.substring(ns.length() - 8) + ".gitops4j.io";
        Resource crd = resource("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.%s
                spec:
                  group: %s
                  scope: Namespaced
                  names:
                    kind: Widget
                    plural: widgets
                    singular: widget
                    listKind: WidgetList
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                """.formatted(group, group));
        Resource widget = resource("""
                apiVersion: %s/v1
                kind: Widget
                metadata:
                  name: first
                  namespace: %s
                spec:
                  size: 3
                """.formatted(group, ns));
        target.observe(List.of(ResourceKey.of("", "ConfigMap", ns, "warm-up-discovery")));

        ApplyResult crdResult = target.apply(crd, ApplyOptions.DEFAULT);
        ResourceKey widgetKey = target.resolve(widget.key());
        ApplyResult widgetResult = target.apply(widget, ApplyOptions.DEFAULT);

        try {
            assertThat(crdResult.outcome()).isEqualTo(ApplyOutcome.CREATED);
            assertThat(widgetKey).isEqualTo(widget.key());
            assertThat(widgetResult.outcome()).isEqualTo(ApplyOutcome.CREATED);
            LiveResource live = observeOne(widgetKey);
            assertThat(live.object().tree().at("/spec/size").asInt()).isEqualTo(3);
            assertThat(target.apply(widget, ApplyOptions.DEFAULT).outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
            assertThat(target.delete(widgetKey, DeleteOptions.DEFAULT).outcome()).isEqualTo(DeleteOutcome.DELETED);
        } finally {
            target.delete(crdResult.key(), DeleteOptions.DEFAULT);
        }
    }

    @Test
    void keepsTheInventoryAcrossANewTargetInstance() {
        String application = "shop-" + ns.substring(ns.length() - 8);
        Inventory inventory = Inventory.of(application, new Revision("0123456789abcdef", "sha256:00ff"),
                List.of(ResourceKey.of("", "ConfigMap", ns, "settings"), ResourceKey.of("apps", "Deployment", ns, "web"),
                        ResourceKey.clusterScoped("", "Namespace", ns)));
        KubernetesTarget first = targetBuilder().inventoryNamespace(ns).build();
        first.inventoryStore().save(inventory);

        KubernetesTarget restarted = targetBuilder().inventoryNamespace(ns).build();

        assertThat(restarted.inventoryStore().load(application)).contains(inventory);
        assertThat(restarted.inventoryStore().load("other-" + application)).isEmpty();
        assertThat(client().configMaps().inNamespace(ns).withName(KubernetesInventoryStore.configMapName(application))
                .get().getData()).containsEntry("revision", "0123456789abcdef");
    }

    @Test
    void replacesTheInventoryOnEverySave() {
        String application = "replace-" + ns.substring(ns.length() - 8);
        KubernetesInventoryStore store = new KubernetesInventoryStore(client(), ns);
        Inventory before = Inventory.of(application, Revision.of("r1"), List.of(ResourceKey.of("", "ConfigMap", ns, "a")));
        Inventory after = Inventory.of(application, Revision.of("r2"), List.of(ResourceKey.of("", "ConfigMap", ns, "b")));

        store.save(before);
        store.save(after);

        assertThat(store.load(application)).contains(after);
    }

    @Test
    void aMissingInventoryNamespaceFailsTheSaveNamingItAndIsNotCreated() {
        String inventoryNamespace = "gitops4j-inv-" + ns.substring(ns.length() - 8);
        namespaces.add(inventoryNamespace);
        KubernetesInventoryStore store = new KubernetesInventoryStore(client(), inventoryNamespace);
        Inventory inventory = Inventory.of("app", Revision.of("r1"), List.of(ResourceKey.of("", "ConfigMap", ns, "a")));

        assertThatThrownBy(() -> store.save(inventory)).isInstanceOf(TargetException.class)
                .hasMessageContaining("the inventory namespace " + inventoryNamespace + " does not exist")
                .hasMessageContaining("kubectl create namespace " + inventoryNamespace);
        assertThat(client().namespaces().withName(inventoryNamespace).get()).isNull();
        assertThat(store.load("app")).isEmpty();
    }

    @Test
    void concurrentSavesOfOneInventoryAllSucceed() throws Exception {
        String application = "busy-" + ns.substring(ns.length() - 8);
        List<Inventory> inventories = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inventories.add(Inventory.of(application, Revision.of("r" + i),
                    List.of(ResourceKey.of("", "ConfigMap", ns, "item-" + i))));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> saves = new ArrayList<>();
            for (Inventory inventory : inventories) {
                saves.add(pool.submit(() -> new KubernetesInventoryStore(client(), ns).save(inventory)));
            }
            for (var save : saves) {
                save.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(new KubernetesInventoryStore(client(), ns).load(application).orElseThrow()).isIn(inventories);
    }

    protected LiveResource observeOne(ResourceKey key) {
        return target.observe(List.of(key)).get(key).orElseThrow(() -> new AssertionError(key + " is not live"));
    }
}
