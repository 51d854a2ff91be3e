package io.gitops4j.k8s;

import static io.gitops4j.k8s.Manifests.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KubernetesTarget.Builder#watchCache(boolean)}: a type and namespace is listed once and then answered from its
 * watch with no request; another client's change is seen once its event arrived; the target's own writes and deletes
 * are seen at once; a watch that ends or is refused with 410 Gone makes the next observation list again, never
 * answering an object absent from a broken watch; closing the target ends the watches.
 */
class WatchCacheTest {
    private static final String NS = "shop";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension(builder -> builder.namespaces(NS));

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<Runnable> beforeNextWatch = new AtomicReference<>();
    private KubernetesClient client;
    private KubernetesClient other;
    private KubernetesTarget target;

    @BeforeEach
    void connect() {
        Interceptor counter = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                if (String.valueOf(request.uri().getQuery()).contains("watch=true")) {
                    Runnable hook = beforeNextWatch.getAndSet(null);
                    if (hook != null) {
                        hook.run();
                    }
                } else {
                    requests.incrementAndGet();
                }
            }
        };
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k8s.api().kubeconfig()))
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("count", counter)).build();
        other = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k8s.api().kubeconfig())).build();
        target = KubernetesTarget.builder().client(client).watchCache(true).build();
        for (String name : List.of("a", "b", "c")) {
            target.apply(configMap(NS, name, "color", "blue"), ApplyOptions.DEFAULT);
        }
    }

    @AfterEach
    void disconnect() {
        target.close();
        client.close();
        other.close();
    }

    private static ResourceKey key(String name) {
        return ResourceKey.of("", "ConfigMap", NS, name);
    }

    private static List<ResourceKey> keys(String... names) {
        return Stream.of(names).map(WatchCacheTest::key).toList();
    }

    private static String color(LiveState state, String name) {
        return state.get(key(name)).map(live -> live.object().tree().at("/data/color").asText()).orElse("absent");
    }

    private void editColor(String name, String color) {
        other.configMaps().inNamespace(NS).withName(name)
                .edit(map -> new ConfigMapBuilder(map).addToData("color", color).build());
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", PATIENCE, what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aSecondObservationSendsNoRequestAndReturnsTheSameObjects() {
        // given
        LiveState first = target.observe(keys("a", "b", "c"));
        requests.set(0);

        // when
        LiveState second = target.observe(keys("a", "b", "c"));

        // then
        assertThat(requests).hasValue(0);
        assertThat(second.resources()).hasSize(3);
        for (ResourceKey key : keys("a", "b", "c")) {
            LiveResource live = second.get(key).orElseThrow();
            assertThat(live).isSameAs(first.get(key).orElseThrow());
            assertThat(live.lastApplied()).isPresent();
        }
    }

    @Test
    void anotherClientsChangeIsSeenOnceItsEventArrived() {
        // given
        target.observe(keys("a", "b", "c"));
        requests.set(0);

        // when
        editColor("b", "red");
        other.configMaps().inNamespace(NS).withName("c").delete();

        // then
        await("the edit and the deletion", () -> {
            LiveState now = target.observe(keys("a", "b", "c"));
            return color(now, "b").equals("red") && color(now, "c").equals("absent");
        });
        assertThat(requests).as("answered from the watch").hasValue(0);
        assertThat(color(target.observe(keys("a")), "a")).isEqualTo("blue");
    }

    @Test
    void theTargetsOwnApplyAndDeleteAreSeenAtOnce() {
        // given
        target.observe(keys("a", "b", "c"));

        // when
        target.apply(configMap(NS, "a", "color", "green"), ApplyOptions.DEFAULT);
        target.apply(configMap(NS, "d", "color", "new"), ApplyOptions.DEFAULT);
        target.delete(key("b"), DeleteOptions.DEFAULT);
        LiveState now = target.observe(keys("a", "b", "c", "d"));

        // then
        assertThat(color(now, "a")).isEqualTo("green");
        assertThat(color(now, "b")).isEqualTo("absent");
        assertThat(color(now, "c")).isEqualTo("blue");
        assertThat(color(now, "d")).isEqualTo("new");
        await("the watch to deliver the writes", () -> {
            requests.set(0);
            target.observe(keys("a", "b", "c", "d"));
            return requests.get() == 0;
        });
        LiveState later = target.observe(keys("a", "b", "c", "d"));
        assertThat(List.of(color(later, "a"), color(later, "b"), color(later, "c"), color(later, "d")))
                .containsExactly("green", "absent", "blue", "new");
    }

    @Test
    void anEndedWatchMakesTheNextObservationListAgain() {
        // given
        target.observe(keys("a", "b", "c"));
        assertThat(target.watchedGroups()).isEqualTo(1);

        // when the server ends the watch, and an object appears meanwhile
        k8s.api().endWatches();
        await("the target to notice the ended watch", () -> target.watchedGroups() == 0);
        target.apply(configMap(NS, "d", "color", "seen"), ApplyOptions.DEFAULT);
        other.configMaps().inNamespace(NS).withName("a").delete();
        requests.set(0);
        LiveState now = target.observe(keys("a", "b", "c", "d"));

        // then it is listed, found, and watched again
        assertThat(requests).hasValue(1);
        assertThat(color(now, "a")).isEqualTo("absent");
        assertThat(color(now, "d")).isEqualTo("seen");
        assertThat(target.watchedGroups()).isEqualTo(1);
    }

    @Test
    void aWatchRefusedWithGoneListsAgainAndFindsWhatItMissed() {
        // given: between the LIST and its WATCH, another client creates an object and the history is compacted
        beforeNextWatch.set(() -> {
            other.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("late")
                    .endMetadata().addToData("color", "late").build()).create();
            k8s.api().compactHistory();
        });
        target.observe(keys("a", "b", "c", "late"));

        // when the watch is answered 410 Gone
        await("the target to drop the refused watch", () -> target.watchedGroups() == 0);
        LiveState now = target.observe(keys("a", "b", "c", "late"));

        // then the object created meanwhile is found
        assertThat(color(now, "late")).isEqualTo("late");
        assertThat(target.watchedGroups()).isEqualTo(1);
    }

    @Test
    void closingTheTargetEndsItsWatches() {
        // given
        target.observe(keys("a", "b", "c"));
        target.observe(List.of(ResourceKey.of("", "Namespace", "", NS)));
        assertThat(target.watchedGroups()).isEqualTo(2);

        // when
        target.close();
        editColor("a", "after-close");
        requests.set(0);
        LiveState now = target.observe(keys("a"));

        // then
        assertThat(target.watchedGroups()).isZero();
        assertThat(requests).as("read from the server").hasPositiveValue();
        assertThat(color(now, "a")).isEqualTo("after-close");
    }
}
