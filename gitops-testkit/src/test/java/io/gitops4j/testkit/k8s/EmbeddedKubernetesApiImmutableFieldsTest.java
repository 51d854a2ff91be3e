package io.gitops4j.testkit.k8s;

import static io.gitops4j.testkit.k8s.Manifests.CONFIGMAPS;
import static io.gitops4j.testkit.k8s.Manifests.DEPLOYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API server's refusal of changes to immutable fields (422 Invalid, one cause per field, "field is immutable"),
 * and the {@code fieldValidation} of unknown top-level fields.
 */
class EmbeddedKubernetesApiImmutableFieldsTest {
    private static final String JOBS = "/apis/batch/v1/namespaces/default/jobs";

    private KubeHttp http;

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    @BeforeEach
    void connect() {
        http = new KubeHttp(k8s.api().url());
    }

    private static String job(String image, int parallelism) {
        return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  parallelism: " + parallelism
                + "\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n"
                + "        image: " + image + "\n";
    }

    private static String deployment(String app) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:"
                + " {app: " + app + "}\n  template:\n    metadata:\n      labels: {app: " + app + "}\n    spec:\n"
                + "      containers:\n      - {name: web, image: nginx}\n";
    }

    private static JsonNode cause(KubeHttp.Response response) {
        return response.body().path("details").path("causes").path(0);
    }

    @Test
    void aChangedJobTemplateIsRefusedNamingTheFieldAsTheRealServerDoes() {
        // given
        assertThat(http.apply(JOBS + "/migrate", "gitops", job("migrate:1", 1)).code()).isEqualTo(201);

        // when
        KubeHttp.Response refused = http.apply(JOBS + "/migrate", "gitops", job("migrate:2", 1));

        // then
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body().path("reason").asText()).isEqualTo("Invalid");
        assertThat(refused.body().path("message").asText()).startsWith("Job.batch \"migrate\" is invalid: "
                + "spec.template: Invalid value: ").endsWith(": field is immutable");
        assertThat(refused.body().path("details").path("group").asText()).isEqualTo("batch");
        assertThat(refused.body().path("details").path("kind").asText()).isEqualTo("Job");
        assertThat(cause(refused).path("reason").asText()).isEqualTo("FieldValueInvalid");
        assertThat(cause(refused).path("field").asText()).isEqualTo("spec.template");
        assertThat(http.get(JOBS + "/migrate").body().at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("migrate:1");
    }

    @Test
    void aMutableJobFieldStillChangesAndADryRunIsRefusedToo() {
        // given
        http.apply(JOBS + "/migrate", "gitops", job("migrate:1", 1));

        // when
        KubeHttp.Response scaled = http.apply(JOBS + "/migrate", "gitops", job("migrate:1", 3));
        KubeHttp.Response dryRun = http.apply(JOBS + "/migrate?dryRun=All", "gitops", job("migrate:2", 3));

        // then
        assertThat(scaled.code()).isEqualTo(200);
        assertThat(dryRun.code()).isEqualTo(422);
    }

    @Test
    void aChangedDeploymentSelectorIsRefusedOnUpdateAsOnApply() {
        // given
        http.apply(DEPLOYMENTS + "/web", "gitops", deployment("web"));
        JsonNode live = http.get(DEPLOYMENTS + "/web").body();
        ((com.fasterxml.jackson.databind.node.ObjectNode) live.path("spec").path("selector").path("matchLabels"))
                .put("app", "other");

        // when
        KubeHttp.Response put = http.put(DEPLOYMENTS + "/web", live.toString());
        KubeHttp.Response applied = http.apply(DEPLOYMENTS + "/web", "gitops", deployment("other"));

        // then
        assertThat(put.code()).isEqualTo(422);
        assertThat(cause(put).path("field").asText()).isEqualTo("spec.selector");
        assertThat(applied.code()).isEqualTo(422);
        assertThat(applied.body().path("message").asText()).contains("Deployment.apps \"web\" is invalid");
    }

    @Test
    void aStatefulSetServiceNameAPersistentVolumeClaimSpecAndAClusterIpAreImmutable() {
        // given
        String sets = "/apis/apps/v1/namespaces/default/statefulsets/db";
        String claims = "/api/v1/namespaces/default/persistentvolumeclaims/data";
        String services = "/api/v1/namespaces/default/services/web";
        http.apply(sets, "gitops", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n"
                + "  serviceName: db\n  replicas: 1\n");
        http.apply(claims, "gitops", "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n"
                + "  storageClassName: fast\n  resources: {requests: {storage: 1Gi}}\n");
        http.apply(services, "gitops", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n"
                + "  clusterIP: 10.0.0.10\n");

        // when
        KubeHttp.Response set = http.apply(sets, "gitops", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:"
                + " {name: db}\nspec:\n  serviceName: other\n  replicas: 1\n");
        KubeHttp.Response resized = http.apply(claims, "gitops", "apiVersion: v1\nkind: PersistentVolumeClaim\n"
                + "metadata: {name: data}\nspec:\n  storageClassName: fast\n  resources: {requests: {storage: 2Gi}}\n");
        KubeHttp.Response reclassed = http.apply(claims, "gitops", "apiVersion: v1\nkind: PersistentVolumeClaim\n"
                + "metadata: {name: data}\nspec:\n  storageClassName: slow\n  resources: {requests: {storage: 2Gi}}\n");
        KubeHttp.Response service = http.apply(services, "gitops", "apiVersion: v1\nkind: Service\nmetadata:"
                + " {name: web}\nspec:\n  clusterIP: 10.0.0.11\n");

        // then
        assertThat(set.code()).isEqualTo(422);
        assertThat(cause(set).path("field").asText()).isEqualTo("spec");
        assertThat(cause(set).path("message").asText()).contains("updates to statefulset spec for fields other than");
        assertThat(resized.code()).isEqualTo(200);
        assertThat(reclassed.code()).isEqualTo(422);
        assertThat(cause(reclassed).path("message").asText()).contains("spec is immutable after creation");
        assertThat(service.code()).isEqualTo(422);
        assertThat(cause(service).path("field").asText()).isEqualTo("spec.clusterIP");
    }

    @Test
    void theDataOfAnImmutableConfigMapCannotChange() {
        // given
        http.apply(CONFIGMAPS + "/frozen", "gitops", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: frozen}\n"
                + "immutable: true\ndata: {a: '1'}\n");

        // when
        KubeHttp.Response changed = http.apply(CONFIGMAPS + "/frozen", "gitops", "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {name: frozen, labels: {x: y}}\nimmutable: true\ndata: {a: '2'}\n");
        KubeHttp.Response relabelled = http.apply(CONFIGMAPS + "/frozen", "gitops", "apiVersion: v1\n"
                + "kind: ConfigMap\nmetadata: {name: frozen, labels: {x: y}}\nimmutable: true\ndata: {a: '1'}\n");

        // then
        assertThat(changed.code()).isEqualTo(422);
        assertThat(cause(changed).path("field").asText()).isEqualTo("data");
        assertThat(cause(changed).path("message").asText()).contains("field is immutable when `immutable` is set");
        assertThat(relabelled.code()).isEqualTo(200);
    }

    @Test
    void strictFieldValidationRefusesAnUnknownTopLevelFieldAndIgnoreDropsIt() {
        // given
        String typo = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typo}\ndta: {a: '1'}\n";

        // when
        KubeHttp.Response strict = http.apply(CONFIGMAPS + "/typo?fieldValidation=Strict", "gitops", typo);
        KubeHttp.Response ignored = http.apply(CONFIGMAPS + "/typo?fieldValidation=Ignore", "gitops", typo);

        // then
        assertThat(strict.code()).isEqualTo(400);
        assertThat(strict.body().path("message").asText()).contains("strict decoding error: unknown field \"dta\"");
        assertThat(ignored.code()).isEqualTo(201);
        assertThat(http.get(CONFIGMAPS + "/typo").body().has("dta")).isFalse();
    }
}
