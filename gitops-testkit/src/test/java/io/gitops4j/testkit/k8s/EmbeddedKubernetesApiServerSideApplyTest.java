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

/** Server-side apply ({@code application/apply-patch+yaml}): managed fields, conflicts, removal, dry run. */
class EmbeddedKubernetesApiServerSideApplyTest {

    private static final String WEB = DEPLOYMENTS + "/web";

    private EmbeddedKubernetesApi api;
    private KubeHttp http;

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    @BeforeEach
    void connect() {
        api = k8s.api();
        http = new KubeHttp(api.url());
    }

    private static String yamlDeployment(int replicas, String image, String extraLabel) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\n"
                + (extraLabel.isEmpty() ? "" : "    " + extraLabel + ": \"yes\"\n")
                + "spec:\n  replicas: " + replicas + "\n  selector:\n    matchLabels: {app: web}\n"
                + "  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n"
                + "      - name: web\n        image: " + image + "\n";
    }

    private static JsonNode entry(JsonNode object, String manager) {
        for (JsonNode entry : object.path("metadata").path("managedFields")) {
            if (entry.path("manager").asText().equals(manager)) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void applyCreatesTheObject() {
        KubeHttp.Response created = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", ""));

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body().path("metadata").path("uid").asText()).isNotEmpty();
        assertThat(http.get(WEB).body().path("spec").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void applyRecordsTheManagersFieldSetInFieldsV1() {
        JsonNode applied = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", "")).body();

        JsonNode entry = entry(applied, "gitops");
        assertThat(entry.path("operation").asText()).isEqualTo("Apply");
        assertThat(entry.path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(entry.path("fieldsType").asText()).isEqualTo("FieldsV1");
        assertThat(entry.path("time").asText()).isNotEmpty();
        JsonNode container = entry.path("fieldsV1").path("f:spec").path("f:template").path("f:spec")
                .path("f:containers").path("k:{\"name\":\"web\"}");
        assertThat(container.has(".")).isTrue();
        assertThat(container.has("f:image")).isTrue();
        assertThat(entry.path("fieldsV1").path("f:spec").has("f:replicas")).isTrue();
        assertThat(entry.path("fieldsV1").path("f:metadata").path("f:labels").has("f:app")).isTrue();
    }

    @Test
    void updatesRecordAnUpdateEntryForTheirManager() {
        http.post(CONFIGMAPS + "?fieldManager=creator", configMap("c", "", "\"a\":\"1\""));

        JsonNode patched = http.patch(CONFIGMAPS + "/c?fieldManager=editor", "application/merge-patch+json",
                "{\"data\":{\"b\":\"2\"}}").body();

        assertThat(entry(patched, "creator").path("operation").asText()).isEqualTo("Update");
        assertThat(entry(patched, "creator").path("fieldsV1").path("f:data").has("f:a")).isTrue();
        assertThat(entry(patched, "editor").path("fieldsV1").path("f:data").has("f:b")).isTrue();
        assertThat(entry(patched, "editor").path("fieldsV1").path("f:data").has("f:a")).isFalse();
    }

    @Test
    void applyConflictNamesTheOtherManager() {
        http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", ""));

        KubeHttp.Response conflict = http.apply(WEB, "other", yamlDeployment(3, "nginx:1", ""));

        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.body().path("reason").asText()).isEqualTo("Conflict");
        assertThat(conflict.body().path("message").asText())
                .isEqualTo("Apply failed with 1 conflict: conflict with \"gitops\" using apps/v1: .spec.replicas");
        JsonNode cause = conflict.body().path("details").path("causes").path(0);
        assertThat(cause.path("type").asText()).isEqualTo("FieldManagerConflict");
        assertThat(cause.path("field").asText()).isEqualTo(".spec.replicas");
        assertThat(http.get(WEB).body().path("spec").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void applyConflictsWithAnUpdateManagerToo() {
        http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", ""));
        http.patch(WEB + "?fieldManager=kubectl-edit", "application/merge-patch+json", "{\"spec\":{\"replicas\":5}}");

        KubeHttp.Response conflict = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", ""));

        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.body().path("message").asText()).contains("conflict with \"kubectl-edit\"");
    }

    @Test
    void applyWithForceTakesOwnershipFromTheOtherManager() {
        http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", ""));

        JsonNode forced = http.apply(WEB, "other", true, yamlDeployment(3, "nginx:1", "")).body();

        assertThat(forced.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(entry(forced, "other").path("fieldsV1").path("f:spec").has("f:replicas")).isTrue();
        assertThat(entry(forced, "gitops").path("fieldsV1").path("f:spec").has("f:replicas")).isFalse();
        assertThat(entry(forced, "gitops").path("fieldsV1").path("f:spec").has("f:selector")).isTrue();
    }

    @Test
    void applyOfTheSameValueSharesOwnershipWithoutConflict() {
        http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", ""));

        KubeHttp.Response shared = http.apply(WEB, "other", yamlDeployment(2, "nginx:1", ""));

        assertThat(shared.code()).isEqualTo(200);
        assertThat(entry(shared.body(), "gitops").path("fieldsV1").path("f:spec").has("f:replicas")).isTrue();
        assertThat(entry(shared.body(), "other").path("fieldsV1").path("f:spec").has("f:replicas")).isTrue();
    }

    @Test
    void applyRemovesFieldsTheManagerNoLongerApplies() {
        http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", "extra"));

        JsonNode reapplied = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", "")).body();

        assertThat(reapplied.path("metadata").path("labels").has("extra")).isFalse();
        assertThat(reapplied.path("metadata").path("labels").path("app").asText()).isEqualTo("web");
    }

    @Test
    void applyRemovesListItemsTheManagerNoLongerApplies() {
        String twoContainers = yamlDeployment(2, "nginx:1", "") + "      - name: side\n        image: busybox\n";
        http.apply(WEB, "gitops", twoContainers);

        JsonNode reapplied = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", "")).body();

        assertThat(reapplied.path("spec").path("template").path("spec").path("containers"))
                .extracting(c -> c.path("name").asText()).containsExactly("web");
    }

    @Test
    void applyKeepsFieldsAnotherManagerStillOwns() {
        http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", "extra"));
        http.apply(WEB, "other", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n"
                + "    extra: \"yes\"\n");

        JsonNode reapplied = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", "")).body();

        assertThat(reapplied.path("metadata").path("labels").path("extra").asText()).isEqualTo("yes");
    }

    @Test
    void applyLeavesFieldsSetByOthersAlone() {
        http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", ""));
        http.patch(WEB + "?fieldManager=hpa", "application/merge-patch+json",
                "{\"metadata\":{\"annotations\":{\"note\":\"kept\"}}}");

        JsonNode reapplied = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:2", "")).body();

        assertThat(reapplied.path("metadata").path("annotations").path("note").asText()).isEqualTo("kept");
        assertThat(reapplied.path("spec").path("template").path("spec").path("containers").path(0).path("image")
                .asText()).isEqualTo("nginx:2");
    }

    @Test
    void reapplyingTheSameConfigurationChangesNothing() {
        JsonNode first = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", "")).body();

        JsonNode second = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", "")).body();

        assertThat(second.path("metadata").path("resourceVersion"))
                .isEqualTo(first.path("metadata").path("resourceVersion"));
        assertThat(second.path("metadata").path("generation").asLong()).isEqualTo(1);
    }

    @Test
    void applyWithoutFieldManagerIsRejected() {
        KubeHttp.Response response = http.patch(WEB, "application/apply-patch+yaml", yamlDeployment(1, "x", ""));

        assertThat(response.code()).isEqualTo(400);
    }

    @Test
    void dryRunAllDoesNotPersist() {
        KubeHttp.Response dryCreate = http.apply(WEB + "?dryRun=All", "gitops", yamlDeployment(2, "nginx:1", ""));
        assertThat(dryCreate.code()).isEqualTo(201);
        assertThat(dryCreate.body().path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(http.get(WEB).code()).isEqualTo(404);

        JsonNode real = http.apply(WEB, "gitops", yamlDeployment(2, "nginx:1", "")).body();
        JsonNode dryApply = http.apply(WEB + "?dryRun=All", "gitops", yamlDeployment(5, "nginx:1", "")).body();
        JsonNode dryPatch = http.patch(WEB + "?dryRun=All", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":7}}").body();
        http.post(DEPLOYMENTS + "?dryRun=All", deployment("other", 1, "x"));
        KubeHttp.Response dryDelete = http.delete(WEB + "?dryRun=All");

        assertThat(dryApply.path("spec").path("replicas").asInt()).isEqualTo(5);
        assertThat(dryPatch.path("spec").path("replicas").asInt()).isEqualTo(7);
        assertThat(dryDelete.code()).isEqualTo(200);
        assertThat(http.get(WEB).body()).isEqualTo(real);
        assertThat(http.get(DEPLOYMENTS + "/other").code()).isEqualTo(404);
    }

    @Test
    void applyToAMissingNamespaceIsNotFound() {
        KubeHttp.Response response = http.apply("/api/v1/namespaces/nowhere/configmaps/c", "gitops",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");

        assertThat(response.code()).isEqualTo(404);
    }
}
