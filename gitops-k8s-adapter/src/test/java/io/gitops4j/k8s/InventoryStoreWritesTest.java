package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How many requests {@link KubernetesInventoryStore} sends, and that sparing a read never loses a write. */
class InventoryStoreWritesTest {
    private static final String NAMESPACE = "inventories";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private EmbeddedKubernetesApi api;
    private KubernetesClient client;

    @BeforeEach
    void startApi() {
        api = EmbeddedKubernetesApi.builder().namespaces(NAMESPACE).build().start();
        Interceptor recorder = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                requests.add(request.method());
            }
        };
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig()))
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("recorder", recorder))
                .build();
    }

    @AfterEach
    void stopApi() {
        client.close();
        api.close();
    }

    @Test
    void savesRightAfterALoadOrASaveWithOneWriteAndNoRead() {
        KubernetesInventoryStore store = new KubernetesInventoryStore(client, NAMESPACE);
        store.load("shop");
        requests.clear();

        store.save(inventory("shop", "a1", "one"));
        store.save(inventory("shop", "a2", "one", "two"));

        assertThat(requests).containsExactly("POST", "PUT");
        assertThat(store.load("shop")).contains(inventory("shop", "a2", "one", "two"));
    }

    @Test
    void savesOverAnInventoryAnotherWriterChangedSinceThisStoreLastSawIt() {
        KubernetesInventoryStore first = new KubernetesInventoryStore(client, NAMESPACE);
        KubernetesInventoryStore second = new KubernetesInventoryStore(client, NAMESPACE);
        first.save(inventory("shop", "a1", "one"));
        second.save(inventory("shop", "a2", "two"));

        first.save(inventory("shop", "a3", "three"));

        assertThat(second.load("shop")).contains(inventory("shop", "a3", "three"));
    }

    @Test
    void createsAnInventoryCreatedByAnotherWriterSinceThisStoreFoundItAbsent() {
        KubernetesInventoryStore first = new KubernetesInventoryStore(client, NAMESPACE);
        KubernetesInventoryStore second = new KubernetesInventoryStore(client, NAMESPACE);
        assertThat(first.load("shop")).isEmpty();
        second.save(inventory("shop", "a1", "one"));

        first.save(inventory("shop", "a2", "two"));

        assertThat(second.load("shop")).contains(inventory("shop", "a2", "two"));
    }

    @Test
    void savesAnInventoryDeletedSinceThisStoreLastSavedIt() {
        KubernetesInventoryStore store = new KubernetesInventoryStore(client, NAMESPACE);
        store.save(inventory("shop", "a1", "one"));
        client.configMaps().inNamespace(NAMESPACE).withName(KubernetesInventoryStore.configMapName("shop")).delete();

        store.save(inventory("shop", "a2", "two"));

        assertThat(new KubernetesInventoryStore(client, NAMESPACE).load("shop"))
                .contains(inventory("shop", "a2", "two"));
    }

    private static Inventory inventory(String application, String revision, String... names) {
        List<ResourceKey> keys = java.util.Arrays.stream(names)
                .map(name -> ResourceKey.of("", "ConfigMap", "shop", name)).toList();
        return Inventory.of(application, new Revision(revision, "sha256:" + revision), keys);
    }
}
