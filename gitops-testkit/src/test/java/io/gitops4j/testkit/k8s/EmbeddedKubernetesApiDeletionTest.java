package io.gitops4j.testkit.k8s;

import static io.gitops4j.testkit.k8s.Manifests.CONFIGMAPS;
import static io.gitops4j.testkit.k8s.Manifests.DEPLOYMENTS;
import static io.gitops4j.testkit.k8s.Manifests.configMap;
import static io.gitops4j.testkit.k8s.Manifests.deployment;
import static io.gitops4j.testkit.k8s.Manifests.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DELETE behaviour: finalizers, namespace deletion, owner-reference propagation. */
class EmbeddedKubernetesApiDeletionTest {

    private EmbeddedKubernetesApi api;
    private KubeHttp http;

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s =
            new EmbeddedKubernetesApiExtension(b -> b.namespaceCleanupDelay(Duration.ofMillis(10)));

    @BeforeEach
    void connect() {
        api = k8s.api();
        http = new KubeHttp(api.url());
    }

    private static String withFinalizer(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\","
                + "\"finalizers\":[\"example.com/hold\"]}}";
    }

    @Test
    void deleteReturnsSuccessStatusAndRemovesTheObject() {
        http.post(CONFIGMAPS, configMap("c", "", ""));

        KubeHttp.Response deleted = http.delete(CONFIGMAPS + "/c");

        assertThat(deleted.code()).isEqualTo(200);
        assertThat(deleted.body().path("kind").asText()).isEqualTo("Status");
        assertThat(deleted.body().path("status").asText()).isEqualTo("Success");
        assertThat(deleted.body().path("details").path("name").asText()).isEqualTo("c");
        assertThat(http.get(CONFIGMAPS + "/c").code()).isEqualTo(404);
        assertThat(http.delete(CONFIGMAPS + "/c").code()).isEqualTo(404);
    }

    @Test
    void finalizerHoldsObjectUntilRemoved() {
        http.post(CONFIGMAPS, withFinalizer("held"));

        KubeHttp.Response deleting = http.delete(CONFIGMAPS + "/held");
        JsonNode held = http.get(CONFIGMAPS + "/held").body();
        http.patch(CONFIGMAPS + "/held", "application/merge-patch+json", "{\"metadata\":{\"finalizers\":null}}");

        assertThat(deleting.code()).isEqualTo(200);
        assertThat(deleting.body().path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
        assertThat(held.path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
        assertThat(http.get(CONFIGMAPS + "/held").code()).isEqualTo(404);
    }

    @Test
    void deletingNamespaceDeletesItsObjects() {
        http.post("/api/v1/namespaces", namespace("team"));
        http.post("/api/v1/namespaces/team/configmaps", configMap("a", "", ""));
        http.post("/apis/apps/v1/namespaces/team/deployments", deployment("web", 1, "x"));

        KubeHttp.Response deleting = http.delete("/api/v1/namespaces/team");

        assertThat(deleting.body().path("status").path("phase").asText()).isEqualTo("Terminating");
        assertThat(Await.until(() -> http.get("/api/v1/namespaces/team").code() == 404)).isTrue();
        assertThat(http.get("/api/v1/namespaces/team/configmaps/a").code()).isEqualTo(404);
        assertThat(http.get("/apis/apps/v1/namespaces/team/deployments/web").code()).isEqualTo(404);
    }

    @Test
    void namespaceStaysTerminatingWhileAnObjectInItIsFinalizing() {
        http.post("/api/v1/namespaces", namespace("team"));
        http.post("/api/v1/namespaces/team/configmaps", withFinalizer("held"));

        http.delete("/api/v1/namespaces/team");
        boolean held = Await.until(() -> http.get("/api/v1/namespaces/team/configmaps/held").body()
                .path("metadata").has("deletionTimestamp"));
        JsonNode terminating = http.get("/api/v1/namespaces/team").body();
        KubeHttp.Response refused = http.post("/api/v1/namespaces/team/configmaps", configMap("new", "", ""));
        http.patch("/api/v1/namespaces/team/configmaps/held", "application/json-patch+json",
                "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");

        assertThat(held).isTrue();
        assertThat(terminating.path("status").path("phase").asText()).isEqualTo("Terminating");
        assertThat(refused.code()).isEqualTo(403);
        assertThat(Await.until(() -> http.get("/api/v1/namespaces/team").code() == 404)).isTrue();
    }

    @Test
    void namespacesGetTheirNameLabelAndActivePhase() {
        JsonNode created = http.post("/api/v1/namespaces", namespace("team")).body();

        assertThat(created.path("metadata").path("labels").path("kubernetes.io/metadata.name").asText())
                .isEqualTo("team");
        assertThat(created.path("status").path("phase").asText()).isEqualTo("Active");
    }

    private String ownedConfigMap(String name, String ownerUid) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\","
                + "\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\","
                + "\"uid\":\"" + ownerUid + "\"}]}}";
    }

    @Test
    void backgroundPropagationDeletesDependents() {
        String uid = http.post(DEPLOYMENTS, deployment("web", 1, "x")).body().path("metadata").path("uid").asText();
        http.post(CONFIGMAPS, ownedConfigMap("dependent", uid));

        http.delete(DEPLOYMENTS + "/web", "{\"propagationPolicy\":\"Background\"}");

        assertThat(http.get(CONFIGMAPS + "/dependent").code()).isEqualTo(404);
    }

    @Test
    void orphanPropagationKeepsDependentsAndDropsTheirOwnerReference() {
        String uid = http.post(DEPLOYMENTS, deployment("web", 1, "x")).body().path("metadata").path("uid").asText();
        http.post(CONFIGMAPS, ownedConfigMap("dependent", uid));

        http.delete(DEPLOYMENTS + "/web", "{\"propagationPolicy\":\"Orphan\"}");

        KubeHttp.Response dependent = http.get(CONFIGMAPS + "/dependent");
        assertThat(dependent.code()).isEqualTo(200);
        assertThat(dependent.body().path("metadata").path("ownerReferences")).isEmpty();
    }

    @Test
    void deleteCollectionDeletesWhatTheSelectorMatches() {
        http.post(CONFIGMAPS, configMap("a", "\"x\":\"1\"", ""));
        http.post(CONFIGMAPS, configMap("b", "", ""));

        http.delete(CONFIGMAPS + "?labelSelector=x%3D1");

        assertThat(http.get(CONFIGMAPS + "/a").code()).isEqualTo(404);
        assertThat(http.get(CONFIGMAPS + "/b").code()).isEqualTo(200);
    }
}
