package io.gitops4j.testkit.k8s;

import static io.gitops4j.testkit.k8s.Manifests.CONFIGMAPS;
import static io.gitops4j.testkit.k8s.Manifests.DEPLOYMENTS;
import static io.gitops4j.testkit.k8s.Manifests.configMap;
import static io.gitops4j.testkit.k8s.Manifests.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PATCH behaviour: JSON patch, JSON merge patch, and strategic merge patch with list merge keys. */
class EmbeddedKubernetesApiPatchTest {

    private static final String STRATEGIC = "application/strategic-merge-patch+json";

    private EmbeddedKubernetesApi api;
    private KubeHttp http;

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    @BeforeEach
    void connect() {
        api = k8s.api();
        http = new KubeHttp(api.url());
        http.post(DEPLOYMENTS, deployment("web", 1, "nginx:1"));
    }

    private JsonNode container(JsonNode deployment, int index) {
        return deployment.path("spec").path("template").path("spec").path("containers").path(index);
    }

    @Test
    void jsonPatchAppliesOperationsInOrder() {
        JsonNode patched = http.patch(DEPLOYMENTS + "/web", "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":4},"
                        + "{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"a\":\"b\"}},"
                        + "{\"op\":\"remove\",\"path\":\"/spec/template/spec/containers/0/env\"}]").body();

        assertThat(patched.path("spec").path("replicas").asInt()).isEqualTo(4);
        assertThat(patched.path("metadata").path("labels").path("a").asText()).isEqualTo("b");
        assertThat(container(patched, 0).has("env")).isFalse();
    }

    @Test
    void jsonPatchFailedTestIsUnprocessable() {
        KubeHttp.Response response = http.patch(DEPLOYMENTS + "/web", "application/json-patch+json",
                "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":9}]");

        assertThat(response.code()).isEqualTo(422);
    }

    @Test
    void mergePatchNullRemovesTheField() {
        http.post(CONFIGMAPS, configMap("c", "", "\"a\":\"1\",\"b\":\"2\""));

        JsonNode patched = http.patch(CONFIGMAPS + "/c", "application/merge-patch+json",
                "{\"data\":{\"a\":null,\"c\":\"3\"}}").body();

        assertThat(patched.path("data").has("a")).isFalse();
        assertThat(patched.path("data").path("b").asText()).isEqualTo("2");
        assertThat(patched.path("data").path("c").asText()).isEqualTo("3");
    }

    @Test
    void mergePatchReplacesListsWhole() {
        JsonNode patched = http.patch(DEPLOYMENTS + "/web", "application/merge-patch+json",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"side\",\"image\":\"busybox\"}]}}}}")
                .body();

        assertThat(patched.path("spec").path("template").path("spec").path("containers")).hasSize(1);
        assertThat(container(patched, 0).path("name").asText()).isEqualTo("side");
    }

    @Test
    void strategicMergeMergesContainersByName() {
        JsonNode patched = http.patch(DEPLOYMENTS + "/web", STRATEGIC,
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:2\"},"
                        + "{\"name\":\"side\",\"image\":\"busybox\"}]}}}}").body();

        assertThat(container(patched, 0).path("image").asText()).isEqualTo("nginx:2");
        assertThat(container(patched, 0).path("ports").path(0).path("containerPort").asInt()).isEqualTo(80);
        assertThat(container(patched, 1).path("name").asText()).isEqualTo("side");
    }

    @Test
    void strategicMergeMergesEnvByNameAndPortsByContainerPort() {
        JsonNode patched = http.patch(DEPLOYMENTS + "/web", STRATEGIC,
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\","
                        + "\"env\":[{\"name\":\"B\",\"value\":\"2\"},{\"name\":\"A\",\"value\":\"changed\"}],"
                        + "\"ports\":[{\"containerPort\":80,\"name\":\"http\"},{\"containerPort\":443}]}]}}}}")
                .body();

        JsonNode web = container(patched, 0);
        assertThat(web.path("env")).extracting(e -> e.path("name").asText() + "=" + e.path("value").asText())
                .containsExactly("A=changed", "B=2");
        assertThat(web.path("ports")).extracting(p -> p.path("containerPort").asInt()).containsExactly(80, 443);
        assertThat(web.path("ports").path(0).path("name").asText()).isEqualTo("http");
    }

    @Test
    void strategicMergeDeleteDirectiveRemovesTheListItem() {
        JsonNode patched = http.patch(DEPLOYMENTS + "/web", STRATEGIC,
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\","
                        + "\"env\":[{\"name\":\"A\",\"$patch\":\"delete\"}]}]}}}}").body();

        assertThat(container(patched, 0).path("env")).isEmpty();
        assertThat(container(patched, 0).path("image").asText()).isEqualTo("nginx:1");
    }

    @Test
    void strategicMergeReplacesListsWithoutMergeKey() {
        http.patch(DEPLOYMENTS + "/web", STRATEGIC, "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":"
                + "\"web\",\"args\":[\"a\",\"b\"]}],\"tolerations\":[{\"key\":\"x\"}]}}}}");

        JsonNode patched = http.patch(DEPLOYMENTS + "/web", STRATEGIC, "{\"spec\":{\"template\":{\"spec\":{"
                + "\"containers\":[{\"name\":\"web\",\"args\":[\"c\"]}],\"tolerations\":[{\"key\":\"y\"}]}}}}").body();

        assertThat(container(patched, 0).path("args")).extracting(JsonNode::asText).containsExactly("c");
        assertThat(patched.path("spec").path("template").path("spec").path("tolerations"))
                .extracting(t -> t.path("key").asText()).containsExactly("y");
    }

    @Test
    void strategicMergeIsUnsupportedForCustomResources() {
        http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Manifests.crd());
        http.post("/apis/example.com/v1/namespaces/default/widgets",
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"}}");

        KubeHttp.Response response = http.patch("/apis/example.com/v1/namespaces/default/widgets/w", STRATEGIC,
                "{\"spec\":{}}");

        assertThat(response.code()).isEqualTo(415);
    }

    @Test
    void patchOfMissingObjectIsNotFound() {
        assertThat(http.patch(DEPLOYMENTS + "/missing", STRATEGIC, "{}").code()).isEqualTo(404);
    }
}
