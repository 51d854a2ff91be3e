package io.gitops4j.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply of a CustomResourceDefinition with a large schema, by two managers, pinned to exact managed
 * fields, generations, resourceVersions and stored content: what the server's no-op, generation and copy-free paths
 * must keep.
 */
class EmbeddedKubernetesApiLargeCrdApplyTest {

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final String WIDGETS = CRDS + "/widgets.example.com";
    private static final String TIME = "2026-01-01T00:00:00Z";

    private EmbeddedKubernetesApi api;
    private KubeHttp http;

    @BeforeEach
    void start() {
        api = EmbeddedKubernetesApi.builder().clock(Clock.fixed(Instant.parse(TIME), ZoneOffset.UTC)).build().start();
        http = new KubeHttp(api.url());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** A definition whose schema has {@code fields} documented properties, skipping property {@code skipped}. */
    private static ObjectNode crd(String partOf, int fields, int skipped) {
        ObjectNode crd = KubeHttp.JSON.createObjectNode();
        crd.put("apiVersion", "apiextensions.k8s.io/v1").put("kind", "CustomResourceDefinition");
        crd.putObject("metadata").put("name", "widgets.example.com").putObject("labels").put("part-of", partOf);
        ObjectNode spec = crd.putObject("spec").put("group", "example.com").put("scope", "Namespaced");
        spec.putObject("names").put("kind", "Widget").put("plural", "widgets");
        ObjectNode version = spec.putArray("versions").addObject().put("name", "v1").put("served", true)
                .put("storage", true);
        ObjectNode properties = version.putObject("schema").putObject("openAPIV3Schema").put("type", "object")
                .putObject("properties").putObject("spec").put("type", "object").putObject("properties");
        for (int f = 0; f < fields; f++) {
            if (f == skipped) {
                continue;
            }
            ObjectNode field = properties.putObject("field" + f).put("type", "object")
                    .put("description", "Field " + f + " of the widget, described at length as generated schemas are.");
            field.putObject("properties").putObject("name").put("type", "string");
        }
        return crd;
    }

    private static String fieldsV1(JsonNode object, String manager) {
        for (JsonNode entry : object.path("metadata").path("managedFields")) {
            if (entry.path("manager").asText().equals(manager)) {
                return entry.path("operation").asText() + " " + entry.path("time").asText() + " "
                        + entry.path("fieldsV1");
            }
        }
        return "none";
    }

    private static final String ALL_FIELDS = "{\"f:metadata\":{\"f:labels\":{\"f:part-of\":{}}},"
            + "\"f:spec\":{\"f:group\":{},\"f:names\":{\"f:kind\":{},\"f:plural\":{}},\"f:scope\":{},"
            + "\"f:versions\":{}}}";

    @Test
    void applyOfALargeDefinitionStoresItWholeWithItsManagedFieldsAndEstablishesIt() {
        ObjectNode applied = crd("demo", 800, -1);

        KubeHttp.Response created = http.apply(WIDGETS, "gitops", applied.toString());

        assertThat(created.code()).isEqualTo(201);
        assertThat(fieldsV1(created.body(), "gitops")).isEqualTo("Apply " + TIME + " " + ALL_FIELDS);
        assertThat(created.body().path("metadata").path("generation").asLong()).isEqualTo(1);
        JsonNode stored = http.get(WIDGETS).body();
        assertThat(stored.path("spec")).isEqualTo(applied.path("spec"));
        assertThat(stored.path("status").path("conditions").path(1).path("type").asText()).isEqualTo("Established");
        assertThat(stored.path("metadata").path("managedFields")).isEqualTo(created.body().path("metadata")
                .path("managedFields"));
    }

    @Test
    void theEstablishedStatusIsASecondWriteThatLeavesTheApplyAnswerAsApplied() {
        KubeHttp.Response created = http.apply(WIDGETS, "gitops", crd("demo", 800, -1).toString());

        JsonNode stored = http.get(WIDGETS).body();
        JsonNode listed = http.get(CRDS).body().path("items").path(0);

        assertThat(created.body().path("status").path("conditions").isMissingNode()).isTrue();
        assertThat(stored.path("metadata").path("resourceVersion").asLong())
                .isEqualTo(created.body().path("metadata").path("resourceVersion").asLong() + 1);
        assertThat(stored.path("spec")).isEqualTo(created.body().path("spec"));
        assertThat(stored.path("metadata").path("uid")).isEqualTo(created.body().path("metadata").path("uid"));
        assertThat(listed).isEqualTo(stored);
        assertThat(http.get(WIDGETS).body()).isEqualTo(stored);
    }

    @Test
    void reapplyingTheSameDefinitionChangesNothing() {
        http.apply(WIDGETS, "gitops", crd("demo", 800, -1).toString());
        JsonNode before = http.get(WIDGETS).body();

        KubeHttp.Response again = http.apply(WIDGETS, "gitops", crd("demo", 800, -1).toString());

        assertThat(again.code()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(before);
        assertThat(http.get(WIDGETS).body()).isEqualTo(before);
    }

    @Test
    void aSecondManagerTakesOverWhatItForcesAndTheFirstKeepsTheRest() {
        http.apply(WIDGETS, "gitops", crd("demo", 800, -1).toString());
        String resourceVersion = http.get(WIDGETS).body().path("metadata").path("resourceVersion").asText();

        KubeHttp.Response taken = http.apply(WIDGETS, "other", true, crd("other", 800, -1).toString());

        assertThat(taken.code()).isEqualTo(200);
        JsonNode stored = http.get(WIDGETS).body();
        assertThat(stored.path("metadata").path("resourceVersion").asText()).isNotEqualTo(resourceVersion);
        assertThat(stored.path("metadata").path("generation").asLong()).isEqualTo(1);
        assertThat(stored.path("metadata").path("labels").path("part-of").asText()).isEqualTo("other");
        assertThat(fieldsV1(stored, "other")).isEqualTo("Apply " + TIME + " " + ALL_FIELDS);
        assertThat(fieldsV1(stored, "gitops")).isEqualTo("Apply " + TIME + " {\"f:spec\":{\"f:group\":{},"
                + "\"f:names\":{\"f:kind\":{},\"f:plural\":{}},\"f:scope\":{},\"f:versions\":{}}}");
    }

    @Test
    void reapplyingWithoutASchemaFieldRemovesItAndBumpsTheGeneration() {
        http.apply(WIDGETS, "gitops", crd("demo", 800, -1).toString());
        http.apply(WIDGETS, "other", true, crd("other", 800, -1).toString());

        KubeHttp.Response dropped = http.apply(WIDGETS, "gitops", true, crd("demo", 800, 7).toString());

        assertThat(dropped.code()).isEqualTo(200);
        JsonNode stored = http.get(WIDGETS).body();
        assertThat(stored.path("metadata").path("generation").asLong()).isEqualTo(2);
        assertThat(stored.path("spec")).isEqualTo(crd("demo", 800, 7).path("spec"));
        assertThat(stored.path("metadata").path("labels").path("part-of").asText()).isEqualTo("demo");
        assertThat(fieldsV1(stored, "gitops")).isEqualTo("Apply " + TIME + " " + ALL_FIELDS);
        assertThat(fieldsV1(stored, "other")).isEqualTo("Apply " + TIME + " {\"f:spec\":{\"f:group\":{},"
                + "\"f:names\":{\"f:kind\":{},\"f:plural\":{}},\"f:scope\":{}}}");
        assertThat(dropped.body().path("metadata").path("managedFields"))
                .isEqualTo(stored.path("metadata").path("managedFields"));
    }
}
