package io.gitops4j.k8s;

import static io.gitops4j.k8s.Manifests.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApiExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KubernetesTarget} hands back the same live object instance while the server reports the object with the
 * same uid and resourceVersion, on the GET and the LIST path, and a new one, with the right last-applied content,
 * after every kind of write: its own apply, another client's edit or patch, a delete and recreate, another field
 * manager's apply.
 */
class LiveObjectReuseTest {
    private static final String NS = "shop";
    private static final ResourceKey SETTINGS = ResourceKey.of("", "ConfigMap", NS, "settings");

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension(builder -> builder.namespaces(NS));

    private KubernetesClient client;
    private KubernetesTarget target;

    @BeforeEach
    void connect() {
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k8s.api().kubeconfig())).build();
        target = KubernetesTarget.builder().client(client).build();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private LiveResource observe(KubernetesTarget on, ResourceKey key) {
        return on.observe(List.of(key)).get(key).orElseThrow();
    }

    private static String color(LiveResource live) {
        return live.object().tree().at("/data/color").asText();
    }

    private static String lastAppliedData(LiveResource live) {
        return live.lastApplied().orElseThrow().tree().path("data").toString();
    }

    /** Applies three ConfigMaps and returns a target that reads them with one LIST. */
    private KubernetesTarget listingTargetOverThree(long cacheSize) {
        for (String name : List.of("a", "b", "c")) {
            target.apply(configMap(NS, name, "color", "blue"), ApplyOptions.DEFAULT);
        }
        return KubernetesTarget.builder().client(client).listThreshold(2).liveObjectCacheSize(cacheSize).build();
    }

    private static List<ResourceKey> threeKeys() {
        return List.of("a", "b", "c").stream().map(name -> ResourceKey.of("", "ConfigMap", NS, name)).toList();
    }

    @Test
    void returnsTheSameInstanceWhileTheObjectIsUnchangedOnTheGetPath() {
        // given
        target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT);

        // when
        LiveResource first = observe(target, SETTINGS);
        LiveResource second = observe(target, SETTINGS);

        // then
        assertThat(second).isSameAs(first);
        assertThat(lastAppliedData(second)).isEqualTo("{\"color\":\"blue\"}");
    }

    @Test
    void returnsTheSameInstancesWhileTheObjectsAreUnchangedOnTheListPath() {
        // given
        KubernetesTarget listing = listingTargetOverThree(KubernetesTarget.DEFAULT_LIVE_OBJECT_CACHE_SIZE);
        LiveState first = listing.observe(threeKeys());

        // when
        LiveState second = listing.observe(threeKeys());

        // then
        assertThat(second.size()).isEqualTo(3);
        for (ResourceKey key : threeKeys()) {
            assertThat(second.get(key).orElseThrow()).isSameAs(first.get(key).orElseThrow());
        }
    }

    @Test
    void buildsANewInstanceAfterAnApplyThroughTheTarget() {
        // given
        target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT);
        LiveResource before = observe(target, SETTINGS);

        // when
        target.apply(configMap(NS, "settings", "color", "green"), ApplyOptions.DEFAULT);
        LiveResource after = observe(target, SETTINGS);

        // then
        assertThat(after).isNotSameAs(before);
        assertThat(color(after)).isEqualTo("green");
        assertThat(lastAppliedData(after)).isEqualTo("{\"color\":\"green\"}");
        assertThat(observe(target, SETTINGS)).isSameAs(after);
    }

    @Test
    void buildsANewInstanceAfterAnEditByAnotherClient() {
        // given
        target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT);
        LiveResource before = observe(target, SETTINGS);

        // when
        client.configMaps().inNamespace(NS).withName("settings")
                .edit(map -> new ConfigMapBuilder(map).addToData("size", "L").build());
        LiveResource after = observe(target, SETTINGS);

        // then
        assertThat(after).isNotSameAs(before);
        assertThat(after.object().tree().at("/data/size").asText()).isEqualTo("L");
        assertThat(lastAppliedData(after)).isEqualTo("{\"color\":\"blue\"}");
    }

    @Test
    void buildsANewInstanceOnlyForTheObjectAnotherClientPatchedOnTheListPath() {
        // given
        KubernetesTarget listing = listingTargetOverThree(KubernetesTarget.DEFAULT_LIVE_OBJECT_CACHE_SIZE);
        LiveState before = listing.observe(threeKeys());
        ResourceKey patched = threeKeys().get(1);

        // when
        client.configMaps().inNamespace(NS).withName(patched.name()).patch(
                PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"color\":\"red\"}}");
        LiveState after = listing.observe(threeKeys());

        // then
        assertThat(after.get(patched).orElseThrow()).isNotSameAs(before.get(patched).orElseThrow());
        assertThat(color(after.get(patched).orElseThrow())).isEqualTo("red");
        assertThat(after.get(threeKeys().get(0)).orElseThrow()).isSameAs(before.get(threeKeys().get(0)).orElseThrow());
        assertThat(after.get(threeKeys().get(2)).orElseThrow()).isSameAs(before.get(threeKeys().get(2)).orElseThrow());
    }

    @Test
    void buildsANewInstanceForAnObjectDeletedAndRecreatedWithTheSameName() {
        // given the target remembers the object, which another client then deletes and recreates unseen
        target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT);
        LiveResource before = observe(target, SETTINGS);
        client.configMaps().inNamespace(NS).withName("settings").delete();
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
                .endMetadata().addToData("color", "blue").build()).create();

        // when
        LiveResource after = observe(target, SETTINGS);

        // then it is a new object that this manager never applied
        assertThat(after).isNotSameAs(before);
        assertThat(after.object().tree().at("/metadata/uid").asText())
                .isNotEqualTo(before.object().tree().at("/metadata/uid").asText());
        assertThat(after.lastApplied()).isEmpty();
    }

    @Test
    void buildsANewInstanceAfterAnotherFieldManagerTakesOverAField() {
        // given
        target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT);
        LiveResource before = observe(target, SETTINGS);

        // when another manager applies out of band, taking color over and adding a field of its own
        ConfigMap other = new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace(NS)
                .endMetadata().withData(Map.of("color", "red", "size", "L")).build();
        client.configMaps().inNamespace(NS).resource(other).fieldManager("other-tool").forceConflicts()
                .serverSideApply();
        LiveResource after = observe(target, SETTINGS);

        // then the live values are the other manager's, and color is no longer what this manager applied
        assertThat(after).isNotSameAs(before);
        assertThat(color(after)).isEqualTo("red");
        assertThat(after.lastApplied().orElseThrow().tree().at("/data/color").isMissingNode()).isTrue();
        assertThat(after.lastApplied().orElseThrow().tree().at("/data/size").isMissingNode()).isTrue();
        assertThat(observe(target, SETTINGS)).isSameAs(after);
    }

    @Test
    void forgetsAnObjectDeletedThroughTheTargetOrFoundGone() {
        // given
        target.apply(configMap(NS, "settings", "color", "blue"), ApplyOptions.DEFAULT);
        target.apply(configMap(NS, "other", "color", "blue"), ApplyOptions.DEFAULT);
        ResourceKey other = ResourceKey.of("", "ConfigMap", NS, "other");
        target.observe(List.of(SETTINGS, other));
        long rememberedBefore = target.rememberedLiveObjects();

        // when
        target.delete(SETTINGS, DeleteOptions.DEFAULT);
        long afterPrune = target.rememberedLiveObjects();
        client.configMaps().inNamespace(NS).withName("other").delete();
        LiveState gone = target.observe(List.of(SETTINGS, other));

        // then
        assertThat(rememberedBefore).isEqualTo(2);
        assertThat(afterPrune).isEqualTo(1);
        assertThat(gone.size()).isZero();
        assertThat(target.rememberedLiveObjects()).isZero();
    }

    @Test
    void withReuseOffBuildsNewInstancesOnEveryObservation() {
        // given
        KubernetesTarget listing = listingTargetOverThree(0);
        KubernetesTarget getting = KubernetesTarget.builder().client(client).liveObjectCacheSize(0).build();
        ResourceKey key = threeKeys().get(0);

        // when
        LiveResource listedFirst = listing.observe(threeKeys()).get(key).orElseThrow();
        LiveResource listedSecond = listing.observe(threeKeys()).get(key).orElseThrow();
        LiveResource gotFirst = observe(getting, key);
        LiveResource gotSecond = observe(getting, key);

        // then
        assertThat(listedSecond).isNotSameAs(listedFirst).isEqualTo(listedFirst);
        assertThat(gotSecond).isNotSameAs(gotFirst).isEqualTo(gotFirst);
        assertThat(getting.rememberedLiveObjects()).isZero();
    }

    @Test
    void rejectsANegativeCacheSize() {
        assertThatThrownBy(() -> KubernetesTarget.builder().liveObjectCacheSize(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("liveObjectCacheSize");
    }
}
