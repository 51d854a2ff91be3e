package io.gitops4j.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server-side apply body sent as JSON (as kubectl and fabric8 send it) and the same configuration sent as YAML
 * give the same responses, stored objects and managed fields, on two servers with the same clock.
 */
class EmbeddedKubernetesApiApplyBodyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final YAMLMapper YAML = new YAMLMapper();

    private EmbeddedKubernetesApi jsonServer;
    private EmbeddedKubernetesApi yamlServer;
    private KubeHttp json;
    private KubeHttp yaml;

    /** One apply: where, by which manager, with which configuration (JSON text). */
    record Step(String path, String manager, boolean force, String config) {
    }

    @BeforeEach
    void start() {
        jsonServer = EmbeddedKubernetesApi.builder().clock(CLOCK).build().start();
        yamlServer = EmbeddedKubernetesApi.builder().clock(CLOCK).build().start();
        json = new KubeHttp(jsonServer.url());
        yaml = new KubeHttp(yamlServer.url());
    }

    @AfterEach
    void stop() {
        jsonServer.close();
        yamlServer.close();
    }

    static List<List<Step>> sequences() {
        String deployments = Manifests.DEPLOYMENTS + "/web";
        String configMaps = Manifests.CONFIGMAPS + "/settings";
        String services = "/api/v1/namespaces/default/services/web";
        String service = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\",\"annotations\":"
                + "{\"note\":\"a: b # not a comment\"}},\"spec\":{\"selector\":{\"app\":\"web\"},\"ports\":[{\"name\":"
                + "\"http\",\"port\":80,\"targetPort\":8080},{\"name\":\"https\",\"port\":443,\"targetPort\":8443}]}}";
        return List.of(
                List.of(new Step(deployments, "gitops", false, Manifests.deployment("web", 2, "nginx:1")),
                        new Step(deployments, "gitops", false, Manifests.deployment("web", 3, "nginx:2")
                                .replace(",\"env\":[{\"name\":\"A\",\"value\":\"1\"}]", "")),
                        new Step(deployments, "other", true, "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                                + "\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":5}}")),
                List.of(new Step(configMaps, "gitops", false, Manifests.configMap("settings", "\"app\":\"web\"",
                                "\"yes\":\"no\",\"number\":\"1\",\"empty\":\"\",\"quote\":\"\\\"'\",\"tab\":\"a\\tb\","
                                + "\"lines\":\"one\\ntwo\\n\",\"unicode\":\"\\u00e9\\u2028\",\"slash\":\"a/b\"")),
                        new Step(configMaps, "gitops", false, Manifests.configMap("settings", "", "\"yes\":\"maybe\""))),
                List.of(new Step(services, "gitops", false, service),
                        new Step(services, "kubectl", true, service.replace("8443", "9443"))));
    }

    private static String asYaml(String jsonText) {
        try {
            return YAML.writeValueAsString(KubeHttp.JSON.readTree(jsonText));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("sequences")
    void jsonAndYamlBodiesOfTheSameConfigurationStoreTheSameObject(List<Step> steps) {
        for (Step step : steps) {
            KubeHttp.Response fromJson = json.apply(step.path(), step.manager(), step.force(), step.config());
            KubeHttp.Response fromYaml = yaml.apply(step.path(), step.manager(), step.force(), asYaml(step.config()));

            assertThat(fromJson.code()).isEqualTo(fromYaml.code()).isBetween(200, 201);
            assertThat(fromJson.body().toString()).isEqualTo(fromYaml.body().toString());
        }
        String path = steps.get(0).path();
        JsonNode stored = json.get(path).body();

        assertThat(stored.toString()).isEqualTo(yaml.get(path).body().toString());
        assertThat(stored.path("metadata").path("managedFields")).isNotEmpty();
    }
}
