package io.gitops4j.testkit.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Label and field selector parsing and matching. */
class SelectorTest {

    private static final JsonNode OBJECT = Json.parse(("{\"metadata\":{\"name\":\"n\",\"namespace\":\"ns\","
            + "\"labels\":{\"app\":\"web\",\"tier\":\"front\"}}}").getBytes(StandardCharsets.UTF_8), false);

    private static boolean matches(String labels, String fields) {
        return Selector.parse(labels, fields).matches(OBJECT);
    }

    @Test
    void emptySelectorsMatchEverything() {
        assertThat(matches("", "")).isTrue();
    }

    @Test
    void setBasedRequirementsWithSpacesAndCommasInsideParentheses() {
        assertThat(matches("app in (web, api),tier notin (back)", "")).isTrue();
        assertThat(matches("app in (api)", "")).isFalse();
        assertThat(matches("missing notin (x)", "")).isTrue();
    }

    @Test
    void fieldSelectorsOnNameAndNamespace() {
        assertThat(matches("", "metadata.name=n,metadata.namespace==ns")).isTrue();
        assertThat(matches("", "metadata.namespace!=ns")).isFalse();
        assertThatThrownBy(() -> Selector.parse("", "status.phase=Running")).isInstanceOf(ApiError.class)
                .hasMessageContaining("field label not supported");
    }

    @Test
    void aMalformedLabelSelectorIsABadRequestWithKubernetesMessage() {
        assertThatThrownBy(() -> Selector.parse("app in (web", "")).isInstanceOf(ApiError.class)
                .hasMessageContaining("unable to parse requirement: found '', expected: ',' or ')'");
        assertThatThrownBy(() -> Selector.parse("app=web,,tier", "")).isInstanceOf(ApiError.class)
                .hasMessageContaining("found ',', expected: identifier after ','");
    }

    @Test
    void integerRequirementsAndLabelsMissingFromTheObject() {
        assertThat(matches("app,!missing,tier!=back", "")).isTrue();
        assertThat(Selector.parse("n>3", "").matches(Json.parse("{\"metadata\":{\"labels\":{\"n\":\"5\"}}}"
                .getBytes(StandardCharsets.UTF_8), false))).isTrue();
        assertThat(Selector.parse("app", "").matches(Json.parse("{\"metadata\":{}}".getBytes(StandardCharsets.UTF_8),
                false))).isFalse();
    }
}
