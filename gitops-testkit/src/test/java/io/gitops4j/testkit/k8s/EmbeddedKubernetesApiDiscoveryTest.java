package io.gitops4j.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Discovery, OpenAPI and CustomResourceDefinition behaviour. */
class EmbeddedKubernetesApiDiscoveryTest {

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private EmbeddedKubernetesApi api;
    private KubeHttp http;

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    @BeforeEach
    void connect() {
        api = k8s.api();
        http = new KubeHttp(api.url());
    }

    private static JsonNode resource(JsonNode list, String name) {
        for (JsonNode resource : list.path("resources")) {
            if (resource.path("name").asText().equals(name)) {
                return resource;
            }
        }
        return null;
    }

    @Test
    void versionReportsAKubernetesVersion() {
        JsonNode version = http.get("/version?timeout=32s").body();

        assertThat(version.path("major").asText()).isEqualTo("1");
        assertThat(version.path("gitVersion").asText()).startsWith("v1.");
    }

    @Test
    void coreGroupIsServedAtApi() {
        JsonNode api = http.get("/api?timeout=32s").body();

        assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
        assertThat(api.path("versions")).extracting(JsonNode::asText).containsExactly("v1");
    }

    @Test
    void apisListsTheCommonBuiltInGroups() {
        JsonNode groups = http.get("/apis?timeout=32s").body();

        List<String> names = new ArrayList<>();
        groups.path("groups").forEach(g -> names.add(g.path("name").asText()));
        assertThat(groups.path("kind").asText()).isEqualTo("APIGroupList");
        assertThat(names).contains("apps", "batch", "rbac.authorization.k8s.io", "networking.k8s.io", "policy",
                "coordination.k8s.io", "apiextensions.k8s.io");
        assertThat(http.get("/apis/apps").body().path("preferredVersion").path("groupVersion").asText())
                .isEqualTo("apps/v1");
    }

    @Test
    void resourceListsHavePluralScopeVerbsAndStatusSubresources() {
        JsonNode apps = http.get("/apis/apps/v1?timeout=32s").body();
        JsonNode core = http.get("/api/v1").body();

        JsonNode deployments = resource(apps, "deployments");
        assertThat(deployments.path("kind").asText()).isEqualTo("Deployment");
        assertThat(deployments.path("namespaced").asBoolean()).isTrue();
        assertThat(deployments.path("verbs")).extracting(JsonNode::asText).contains("create", "get", "list",
                "watch", "patch", "update", "delete");
        assertThat(resource(apps, "deployments/status")).isNotNull();
        assertThat(resource(core, "namespaces").path("namespaced").asBoolean()).isFalse();
        assertThat(resource(core, "configmaps").path("shortNames")).extracting(JsonNode::asText).contains("cm");
        assertThat(resource(http.get("/apis/coordination.k8s.io/v1").body(), "leases")).isNotNull();
    }

    @Test
    void unknownPathsAreNotFound() {
        assertThat(http.get("/apis/nope.example.com/v1").code()).isEqualTo(404);
        assertThat(http.get("/apis/apps/v1/namespaces/default/nothings").code()).isEqualTo(404);
    }

    @Test
    void openApiV3DescribesEveryGroupVersionWithGroupVersionKinds() {
        JsonNode index = http.get("/openapi/v3").body();
        String appsUrl = index.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();

        JsonNode apps = http.get(appsUrl).body();

        assertThat(index.path("paths").has("api/v1")).isTrue();
        assertThat(apps.path("components").path("schemas").toString())
                .contains("\"x-kubernetes-group-version-kind\"").contains("\"Deployment\"");
    }

    @Test
    void crdBecomesServableAndEstablished() {
        http.post(CRDS, Manifests.crd());

        JsonNode crd = http.get(CRDS + "/widgets.example.com").body();
        JsonNode discovery = http.get("/apis/example.com/v1").body();
        KubeHttp.Response widget = http.post("/apis/example.com/v1/namespaces/default/widgets",
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"},"
                        + "\"spec\":{\"size\":3}}");

        assertThat(crd.path("status").path("conditions")).anySatisfy(c -> {
            assertThat(c.path("type").asText()).isEqualTo("Established");
            assertThat(c.path("status").asText()).isEqualTo("True");
        });
        assertThat(resource(discovery, "widgets").path("kind").asText()).isEqualTo("Widget");
        assertThat(resource(discovery, "widgets/status")).isNotNull();
        assertThat(http.get("/apis").body().toString()).contains("example.com/v1");
        assertThat(widget.code()).isEqualTo(201);
        assertThat(http.get("/apis/example.com/v1/namespaces/default/widgets/w").body().path("spec").path("size")
                .asInt()).isEqualTo(3);
    }

    @Test
    void deletingACrdStopsServingItsKindAndDeletesItsObjects() {
        http.post(CRDS, Manifests.crd());
        http.post("/apis/example.com/v1/namespaces/default/widgets",
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"}}");

        http.delete(CRDS + "/widgets.example.com");

        assertThat(http.get("/apis/example.com/v1").code()).isEqualTo(404);
        assertThat(http.get("/apis/example.com/v1/namespaces/default/widgets/w").code()).isEqualTo(404);
    }
}
