package io.gitops4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.health.Health;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyOutcome;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.TargetException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryTargetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryTarget target = InMemoryTarget.builder()
            .clock(Clock.fixed(Instant.parse("2026-03-01T10:15:30.123Z"), ZoneOffset.UTC))
            .build();

    private static Resource resource(String json) {
        try {
            return Resource.of(JSON.readTree(json.replace('\'', '"')));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Resource deployment(int replicas, String image) {
        return resource("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'shop'},"
                + "'spec':{'replicas':" + replicas + ",'template':{'spec':{'containers':[{'name':'web','image':'"
                + image + "'}]}}}}");
    }

    private JsonNode live(ResourceKey key) {
        return target.contents().get(key).tree();
    }

    @Test
    void addsServerFieldsOnCreate() {
        // when
        ApplyResult result = target.apply(deployment(2, "web:1"), ApplyOptions.DEFAULT);

        // then
        JsonNode metadata = result.live().tree().get("metadata");
        assertThat(result.outcome()).isEqualTo(ApplyOutcome.CREATED);
        assertThat(metadata.get("uid").asText()).hasSize(36);
        assertThat(metadata.get("resourceVersion").asText()).isEqualTo("1");
        assertThat(metadata.get("generation").asLong()).isEqualTo(1);
        assertThat(metadata.get("creationTimestamp").asText()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(result.live().tree().get("status").isObject()).isTrue();
    }

    @Test
    void bumpsGenerationOnlyWhenSpecChanges() {
        // given
        ResourceKey key = deployment(1, "a").key();
        target.apply(deployment(1, "web:1"), ApplyOptions.DEFAULT);

        // when a label changes
        Resource labelled = deployment(1, "web:1").withBody(((ObjectNode) deployment(1, "web:1").body())
                .set("metadata", JSON.valueToTree(java.util.Map.of("name", "web", "namespace", "shop",
                        "labels", java.util.Map.of("tier", "front")))));
        ApplyResult relabelled = target.apply(labelled, ApplyOptions.DEFAULT);

        // then
        assertThat(relabelled.outcome()).isEqualTo(ApplyOutcome.CONFIGURED);
        assertThat(live(key).at("/metadata/generation").asLong()).isEqualTo(1);
        assertThat(live(key).at("/metadata/resourceVersion").asText()).isEqualTo("2");

        // when the spec changes
        target.apply(deployment(3, "web:1"), ApplyOptions.DEFAULT);

        // then
        assertThat(live(key).at("/metadata/generation").asLong()).isEqualTo(2);
        assertThat(live(key).at("/metadata/resourceVersion").asText()).isEqualTo("3");
        assertThat(live(key).at("/metadata/labels").isMissingNode()).as("label no longer applied is removed").isTrue();
    }

    @Test
    void keepsFieldsOthersSetAndRemovesFieldsNoLongerApplied() {
        // given
        Resource first = resource("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'shop'},"
                + "'data':{'a':'1','b':'2'}}");
        target.apply(first, ApplyOptions.DEFAULT);
        target.edit(first.key(), tree -> {
            ((ObjectNode) tree.get("data")).put("other", "x");
            ((ObjectNode) tree.get("metadata")).putObject("labels").put("owner", "ops");
            return tree;
        });

        // when
        Resource second = resource("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'shop'},"
                + "'data':{'a':'9'}}");
        ApplyResult result = target.apply(second, ApplyOptions.DEFAULT);

        // then
        assertThat(result.outcome()).isEqualTo(ApplyOutcome.CONFIGURED);
        assertThat(live(first.key()).get("data")).isEqualTo(JSON.valueToTree(java.util.Map.of("a", "9", "other", "x")));
        assertThat(live(first.key()).at("/metadata/labels/owner").asText()).isEqualTo("ops");
        LiveResource observed = target.observe(List.of(first.key())).get(first.key()).orElseThrow();
        assertThat(observed.lastApplied()).contains(second);
    }

    @Test
    void editsBumpTheResourceVersionButNotTheLastApplied() {
        // given
        Resource web = deployment(2, "web:1");
        target.apply(web, ApplyOptions.DEFAULT);

        // when
        target.edit(web.key(), tree -> {
            ((ObjectNode) tree.get("spec")).put("replicas", 5);
            return tree;
        });

        // then
        assertThat(live(web.key()).at("/metadata/resourceVersion").asText()).isEqualTo("2");
        assertThat(live(web.key()).at("/metadata/generation").asLong()).isEqualTo(2);
        assertThat(target.observe(List.of(web.key())).get(web.key()).orElseThrow().lastApplied()).contains(web);
        assertThatThrownBy(() -> target.edit(ResourceKey.parse("ConfigMap/shop/none"), t -> t))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dryRunComputesWithoutStoringOrConsumingVersions() {
        // when
        ApplyResult dry = target.apply(deployment(2, "web:1"), ApplyOptions.DEFAULT.withDryRun(true));
        ApplyResult real = target.apply(deployment(2, "web:1"), ApplyOptions.DEFAULT);

        // then
        assertThat(dry.outcome()).isEqualTo(ApplyOutcome.CREATED);
        assertThat(dry.live().resourceVersion()).isEqualTo(real.live().resourceVersion());
        assertThat(target.appliedKeys()).hasSize(1);
    }

    @Test
    void foldsSecretStringDataIntoBase64Data() {
        // given
        Resource secret = resource("{'apiVersion':'v1','kind':'Secret','metadata':{'name':'s','namespace':'shop'},"
                + "'data':{'user':'YWRtaW4='},'stringData':{'password':'hunter2'}}");

        // when
        target.apply(secret, ApplyOptions.DEFAULT);

        // then
        JsonNode live = live(secret.key());
        assertThat(live.has("stringData")).isFalse();
        assertThat(live.at("/data/password").asText()).isEqualTo("aHVudGVyMg==");
        assertThat(live.at("/data/user").asText()).isEqualTo("YWRtaW4=");
        assertThat(target.apply(secret, ApplyOptions.DEFAULT).outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
    }

    @Test
    void resolvesNamespacesLikeAServer() {
        // given
        InMemoryTarget custom = InMemoryTarget.builder().defaultNamespace("apps")
                .clusterScopedKind("example.org", "Tenant").unknownKind("example.org", "Widget").build();

        // then
        assertThat(custom.resolve(ResourceKey.parse("ConfigMap/c"))).isEqualTo(ResourceKey.parse("ConfigMap/apps/c"));
        assertThat(custom.resolve(ResourceKey.parse("Namespace/shop"))).isEqualTo(ResourceKey.parse("Namespace/shop"));
        assertThat(custom.resolve(ResourceKey.parse("example.org/Tenant/t")).namespace()).isEmpty();
        assertThatThrownBy(() -> custom.resolve(ResourceKey.parse("example.org/Widget/shop/w")))
                .isInstanceOf(TargetException.class).hasMessageContaining("install its CustomResourceDefinition");
    }

    @Test
    void injectsFaultsUntilCleared() {
        // given
        Resource web = deployment(1, "web:1");
        target.failNthApply(2);

        // when / then: the second apply fails, once
        target.apply(web, ApplyOptions.DEFAULT);
        assertThatThrownBy(() -> target.apply(web, ApplyOptions.DEFAULT)).isInstanceOf(TargetException.class)
                .hasMessageContaining("apps/Deployment/shop/web");
        target.apply(web, ApplyOptions.DEFAULT);

        target.failAppliesTo(web.key()).rejectDeletes().failObserve();
        assertThatThrownBy(() -> target.apply(web, ApplyOptions.DEFAULT)).isInstanceOf(TargetException.class);
        assertThatThrownBy(() -> target.delete(web.key(), DeleteOptions.DEFAULT)).isInstanceOf(TargetException.class);
        assertThatThrownBy(() -> target.observe(List.of(web.key()))).isInstanceOf(TargetException.class);

        target.clearFaults();
        assertThat(target.delete(web.key(), DeleteOptions.DEFAULT).outcome().name()).isEqualTo("DELETED");
        assertThat(target.applyCount()).isEqualTo(4);
        assertThat(target.deleteCount()).isEqualTo(2);
        assertThat(target.observeCount()).isEqualTo(1);
        assertThat(target.deletedKeys()).containsExactly(web.key());
    }

    @Test
    void seedsForeignObjectsWithoutLastApplied() {
        // given
        Resource foreign = deployment(1, "other:1");

        // when
        target.seed(foreign);

        // then
        LiveResource live = target.observe(List.of(foreign.key())).get(foreign.key()).orElseThrow();
        assertThat(live.lastApplied()).isEmpty();
        assertThat(live.object().resourceVersion()).contains("1");
        assertThat(target.health(live.object())).isEqualTo(Health.healthy());
    }

    @Test
    void assessesHealthWithTheGivenAssessor() {
        // given
        InMemoryTarget unhealthy = InMemoryTarget.builder()
                .healthAssessor(live -> live.kind().equals("Deployment")
                        ? Optional.of(Health.progressing("0 of 2 replicas")) : Optional.empty())
                .build();

        // then
        assertThat(unhealthy.health(deployment(2, "x")).message()).isEqualTo("0 of 2 replicas");
        assertThat(unhealthy.health(resource("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'}}"))
                .isHealthy()).isTrue();
    }
}
