package io.gitops4j.testkit.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field sets in the FieldsV1 encoding server-side apply uses. */
class FieldSetTest {

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void fieldsOfAnObjectUseMergeKeysForKnownListsAndSkipServerMetadata() {
        JsonNode pod = json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"uid\":\"u\","
                + "\"labels\":{\"a\":\"b\"},\"finalizers\":[\"x\"]},\"spec\":{\"containers\":[{\"name\":\"web\","
                + "\"image\":\"i\"}],\"tolerations\":[{\"key\":\"k\"}]}}");

        FieldSet fields = FieldSet.of(pod, true, f -> true);

        assertThat(fields.paths()).containsExactlyInAnyOrder(
                List.of("f:metadata", "f:labels", "f:a"),
                List.of("f:metadata", "f:finalizers", "v:\"x\""),
                List.of("f:spec", "f:containers", "k:{\"name\":\"web\"}"),
                List.of("f:spec", "f:containers", "k:{\"name\":\"web\"}", "f:name"),
                List.of("f:spec", "f:containers", "k:{\"name\":\"web\"}", "f:image"),
                List.of("f:spec", "f:tolerations"));
    }

    @Test
    void fieldsV1EncodingRoundTrips() {
        JsonNode deployment = json("{\"spec\":{\"replicas\":1,\"template\":{\"spec\":{\"containers\":[{\"name\":"
                + "\"web\",\"ports\":[{\"containerPort\":80}]}]}}}}");
        FieldSet fields = FieldSet.of(deployment, true, f -> true);

        JsonNode encoded = fields.toFieldsV1();

        assertThat(encoded.toString()).isEqualTo("{\"f:spec\":{\"f:replicas\":{},\"f:template\":{\"f:spec\":"
                + "{\"f:containers\":{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},\"f:name\":{},\"f:ports\":"
                + "{\"k:{\\\"containerPort\\\":80}\":{\".\":{},\"f:containerPort\":{}}}}}}}}}");
        assertThat(FieldSet.fromFieldsV1(encoded).paths()).isEqualTo(fields.paths());
    }

    @Test
    void customResourcesHaveAtomicLists() {
        JsonNode widget = json("{\"spec\":{\"containers\":[{\"name\":\"web\"}]}}");

        assertThat(FieldSet.of(widget, false, f -> true).paths()).containsExactly(List.of("f:spec", "f:containers"));
    }

    @Test
    void displayNamesPathsLikeTheRealServer() {
        assertThat(FieldSet.display(List.of("f:spec", "f:template", "f:spec", "f:containers",
                "k:{\"name\":\"web\"}", "f:image"))).isEqualTo(".spec.template.spec.containers[name=\"web\"].image");
    }
}
