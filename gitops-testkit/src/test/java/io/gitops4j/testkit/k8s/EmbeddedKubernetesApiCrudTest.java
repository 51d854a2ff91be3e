package io.gitops4j.testkit.k8s;

import static io.gitops4j.testkit.k8s.Manifests.CONFIGMAPS;
import static io.gitops4j.testkit.k8s.Manifests.DEPLOYMENTS;
import static io.gitops4j.testkit.k8s.Manifests.configMap;
import static io.gitops4j.testkit.k8s.Manifests.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CRUD behaviour of the Kubernetes API: metadata the server populates, preconditions, errors, selectors. */
class EmbeddedKubernetesApiCrudTest {

    private EmbeddedKubernetesApi api;
    private KubeHttp http;

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension(b -> b.namespaces("other"));

    @BeforeEach
    void connect() {
        api = k8s.api();
        http = new KubeHttp(api.url());
    }

    private static long rv(JsonNode object) {
        return Long.parseLong(object.path("metadata").path("resourceVersion").asText());
    }

    @Test
    void createPopulatesUidCreationTimestampResourceVersionAndGeneration() {
        KubeHttp.Response created = http.post(DEPLOYMENTS, deployment("web", 1, "nginx:1"));

        JsonNode meta = created.body().path("metadata");
        assertThat(created.code()).isEqualTo(201);
        assertThat(meta.path("uid").asText()).hasSize(36);
        assertThat(meta.path("creationTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(meta.path("generation").asLong()).isEqualTo(1);
        assertThat(meta.path("namespace").asText()).isEqualTo("default");
        assertThat(rv(created.body())).isPositive();
        assertThat(http.get(DEPLOYMENTS + "/web").body()).isEqualTo(created.body());
    }

    @Test
    void resourceVersionIncreasesMonotonicallyAcrossWritesOfAnyObject() {
        List<Long> versions = new ArrayList<>();
        versions.add(rv(http.post(CONFIGMAPS, configMap("a", "", "")).body()));
        versions.add(rv(http.post(CONFIGMAPS, configMap("b", "", "")).body()));
        versions.add(rv(http.patch(CONFIGMAPS + "/a", "application/merge-patch+json", "{\"data\":{\"x\":\"1\"}}")
                .body()));
        long listed = rv(http.get(CONFIGMAPS).body());

        assertThat(versions).isSorted().doesNotHaveDuplicates();
        assertThat(listed).isEqualTo(versions.get(2));
    }

    @Test
    void generationChangesOnSpecChangesOnly() {
        http.post(DEPLOYMENTS, deployment("web", 1, "nginx:1"));

        JsonNode labelled = http.patch(DEPLOYMENTS + "/web", "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}").body();
        JsonNode scaled = http.patch(DEPLOYMENTS + "/web", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":3}}").body();

        assertThat(labelled.path("metadata").path("generation").asLong()).isEqualTo(1);
        assertThat(scaled.path("metadata").path("generation").asLong()).isEqualTo(2);
    }

    @Test
    void staleResourceVersionOnUpdateIsConflict() {
        JsonNode created = http.post(CONFIGMAPS, configMap("c", "", "\"k\":\"v\"")).body();
        http.patch(CONFIGMAPS + "/c", "application/merge-patch+json", "{\"data\":{\"k\":\"w\"}}");

        KubeHttp.Response stale = http.put(CONFIGMAPS + "/c", created.toString());

        assertThat(stale.code()).isEqualTo(409);
        assertThat(stale.body().path("kind").asText()).isEqualTo("Status");
        assertThat(stale.body().path("status").asText()).isEqualTo("Failure");
        assertThat(stale.body().path("reason").asText()).isEqualTo("Conflict");
        assertThat(stale.body().path("message").asText()).isEqualTo("Operation cannot be fulfilled on configmaps"
                + " \"c\": the object has been modified; please apply your changes to the latest version and try"
                + " again");
        assertThat(stale.body().path("details").path("name").asText()).isEqualTo("c");
    }

    @Test
    void staleResourceVersionOnMergePatchIsConflict() {
        http.post(CONFIGMAPS, configMap("c", "", ""));

        KubeHttp.Response stale = http.patch(CONFIGMAPS + "/c", "application/merge-patch+json",
                "{\"metadata\":{\"resourceVersion\":\"1\"},\"data\":{\"k\":\"v\"}}");

        assertThat(stale.code()).isEqualTo(409);
        assertThat(http.get(CONFIGMAPS + "/c").body().path("data").has("k")).isFalse();
    }

    @Test
    void staleResourceVersionPreconditionOnDeleteIsConflict() {
        http.post(CONFIGMAPS, configMap("c", "", ""));

        KubeHttp.Response stale = http.delete(CONFIGMAPS + "/c", "{\"preconditions\":{\"resourceVersion\":\"1\"}}");

        assertThat(stale.code()).isEqualTo(409);
        assertThat(http.get(CONFIGMAPS + "/c").code()).isEqualTo(200);
    }

    @Test
    void createInMissingNamespaceIsNotFound() {
        KubeHttp.Response response = http.post("/api/v1/namespaces/nowhere/configmaps", configMap("c", "", ""));

        assertThat(response.code()).isEqualTo(404);
        assertThat(response.body().path("message").asText()).isEqualTo("namespaces \"nowhere\" not found");
        assertThat(response.body().path("details").path("kind").asText()).isEqualTo("namespaces");
    }

    @Test
    void createWithoutNameIsInvalid() {
        KubeHttp.Response response = http.post(CONFIGMAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{}}");

        assertThat(response.code()).isEqualTo(422);
        assertThat(response.body().path("reason").asText()).isEqualTo("Invalid");
        assertThat(response.body().path("details").path("causes").get(0).path("field").asText())
                .isEqualTo("metadata.name");
    }

    @Test
    void createWithGenerateNameGetsAUniqueName() {
        String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"generateName\":\"job-\"}}";

        String first = http.post(CONFIGMAPS, body).body().path("metadata").path("name").asText();
        String second = http.post(CONFIGMAPS, body).body().path("metadata").path("name").asText();

        assertThat(first).startsWith("job-").hasSize(9).isNotEqualTo(second);
    }

    @Test
    void createOfExistingNameIsAlreadyExists() {
        http.post(CONFIGMAPS, configMap("c", "", ""));

        KubeHttp.Response again = http.post(CONFIGMAPS, configMap("c", "", ""));

        assertThat(again.code()).isEqualTo(409);
        assertThat(again.body().path("reason").asText()).isEqualTo("AlreadyExists");
    }

    @Test
    void getOfMissingObjectIsNotFoundStatus() {
        KubeHttp.Response missing = http.get(DEPLOYMENTS + "/nope");

        assertThat(missing.code()).isEqualTo(404);
        assertThat(missing.body().path("message").asText()).isEqualTo("deployments.apps \"nope\" not found");
        assertThat(missing.body().path("details").path("group").asText()).isEqualTo("apps");
    }

    @Test
    void listFiltersByLabelSelector() {
        http.post(CONFIGMAPS, configMap("a", "\"tier\":\"web\",\"env\":\"prod\"", ""));
        http.post(CONFIGMAPS, configMap("b", "\"tier\":\"db\"", ""));
        http.post(CONFIGMAPS, configMap("c", "", ""));

        assertThat(names("labelSelector=tier%3Dweb")).containsExactly("a");
        assertThat(names("labelSelector=tier!%3Dweb")).containsExactly("b", "c");
        assertThat(names("labelSelector=tier%20in%20(web,db)")).containsExactly("a", "b");
        assertThat(names("labelSelector=tier%20notin%20(web)")).containsExactly("b", "c");
        assertThat(names("labelSelector=env")).containsExactly("a");
        assertThat(names("labelSelector=!tier")).containsExactly("c");
        assertThat(names("labelSelector=tier,env%3Dprod")).containsExactly("a");
    }

    @Test
    void listFiltersByMetadataNameFieldSelector() {
        http.post(CONFIGMAPS, configMap("a", "", ""));
        http.post(CONFIGMAPS, configMap("b", "", ""));

        assertThat(names("fieldSelector=metadata.name%3Db")).containsExactly("b");
        assertThat(names("fieldSelector=metadata.name!%3Db")).containsExactly("a");
        assertThat(http.get(CONFIGMAPS + "?fieldSelector=spec.foo%3Dbar").code()).isEqualTo(400);
    }

    private List<String> names(String query) {
        JsonNode list = http.get(CONFIGMAPS + "?" + query).body();
        List<String> names = new ArrayList<>();
        list.path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
        return names;
    }

    @Test
    void listAcrossNamespacesReturnsEveryNamespace() {
        http.post(CONFIGMAPS, configMap("a", "", ""));
        http.post("/api/v1/namespaces/other/configmaps", configMap("b", "", ""));

        JsonNode list = http.get("/api/v1/configmaps").body();

        assertThat(list.path("kind").asText()).isEqualTo("ConfigMapList");
        assertThat(list.path("items")).extracting(i -> i.path("metadata").path("namespace").asText())
                .containsExactly("default", "other");
    }

    @Test
    void clusterScopedObjectsHaveNoNamespace() {
        KubeHttp.Response created = http.post("/apis/rbac.authorization.k8s.io/v1/clusterroles",
                "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\",\"metadata\":"
                        + "{\"name\":\"reader\",\"namespace\":\"ignored\"},\"rules\":[]}");

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body().path("metadata").has("namespace")).isFalse();
        assertThat(http.get("/apis/rbac.authorization.k8s.io/v1/namespaces/default/clusterroles/reader").code())
                .isEqualTo(404);
    }

    @Test
    void updateOfMainResourceKeepsStatusOfKindsWithStatusSubresource() {
        http.post(DEPLOYMENTS, deployment("web", 1, "nginx:1"));
        api.setStatus("apps/v1", "Deployment", "default", "web",
                KubeHttp.JSON.createObjectNode().put("readyReplicas", 1));

        JsonNode updated = http.patch(DEPLOYMENTS + "/web", "application/merge-patch+json",
                "{\"status\":{\"readyReplicas\":7},\"spec\":{\"replicas\":2}}").body();

        assertThat(updated.path("status").path("readyReplicas").asInt()).isEqualTo(1);
        assertThat(updated.path("spec").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void statusSubresourceUpdatesOnlyStatus() {
        http.post(DEPLOYMENTS, deployment("web", 1, "nginx:1"));

        JsonNode updated = http.patch(DEPLOYMENTS + "/web/status", "application/merge-patch+json",
                "{\"status\":{\"readyReplicas\":1},\"spec\":{\"replicas\":9}}").body();

        assertThat(updated.path("status").path("readyReplicas").asInt()).isEqualTo(1);
        assertThat(updated.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(updated.path("metadata").path("generation").asLong()).isEqualTo(1);
    }
}
