package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Explicit YAML tags: the core ones are honoured when the value fits them; anything else is rejected. */
class ManifestTagsTest {
    private final ManifestLoader loader = ManifestLoader.defaults();

    /** A ConfigMap whose data value {@code v} is on line 5. */
    private static String yaml(String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  v: " + value + "\n";
    }

    private JsonNode value(String value) {
        return loader.parse("cm.yaml", yaml(value).getBytes(UTF_8)).get(0).tree().at("/data/v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!bool maybe", "!!int abc", "!!int 1.5", "!!float x", "!!null x", "!!timestamp xyz",
        "!!binary '%%%'", "!foo bar", "!foo {a: 1}", "!!set {a: null}", "!!omap [a: 1]", "!!map x", "!!seq x",
        "!!str [a]", "!!java/object:java.io.File x", "!!python/object:os.system x"})
    void aTagTheValueDoesNotFitOrAnUnsupportedTagIsRejectedNamingFileAndLine(String value) {
        ManifestException error = catchThrowableOfType(ManifestException.class,
                () -> loader.parse("cm.yaml", yaml(value).getBytes(UTF_8)));

        assertThat(error).as(value).isNotNull().hasMessageContaining("tag");
        assertThat(error.path()).isEqualTo("cm.yaml");
        assertThat(error.line()).as(value).isEqualTo(5);
    }

    @Test
    void coreTagsConvertTheirValuesAsKubernetesDoes() {
        assertThat(value("!!str 12").textValue()).isEqualTo("12");
        assertThat(value("!!int '7'").intValue()).isEqualTo(7);
        assertThat(value("!!float 1").isFloatingPointNumber()).isTrue();
        assertThat(value("!!float 1").doubleValue()).isEqualTo(1.0);
        assertThat(value("!!bool yes").booleanValue()).isTrue();
        assertThat(value("!!null ~").isNull()).isTrue();
        assertThat(value("!!null ''").isNull()).isTrue();
        assertThat(value("!!binary aGk=").textValue()).isEqualTo("hi");
        assertThat(value("!!timestamp 2001-12-14").textValue()).isEqualTo("2001-12-14");
        assertThat(value("!!map {a: 1}").path("a").intValue()).isEqualTo(1);
        assertThat(value("!!seq [1]").get(0).intValue()).isEqualTo(1);
        assertThat(value("2001-12-14t21:59:43.10-05:00").textValue()).isEqualTo("2001-12-14t21:59:43.10-05:00");
    }
}
