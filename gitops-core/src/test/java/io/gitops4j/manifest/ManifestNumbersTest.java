package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gitops4j.model.CanonicalJson;
import io.gitops4j.model.Resource;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Numbers are read as Kubernetes reads them (float64 range, bounded length), in bounded time. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ManifestNumbersTest {
    private final ManifestLoader loader = ManifestLoader.defaults();

    /** A ConfigMap whose data value {@code v} is on line 5. */
    private static String yaml(String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  v: " + value + "\n";
    }

    /** The same in JSON, the value again on line 5. */
    private static String json(String value) {
        return "{\"apiVersion\": \"v1\",\n\"kind\": \"ConfigMap\",\n\"metadata\": {\"name\": \"x\"},\n\"data\": {\n"
                + "  \"v\": " + value + "}}\n";
    }

    private ManifestException loadFails(String path, String content) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put(path, content.getBytes(UTF_8));
        return catchThrowableOfType(ManifestException.class, () -> loader.load("r", files));
    }

    private Resource load(String path, String content) {
        List<Resource> resources = loader.parse(path, content.getBytes(UTF_8));
        resources.forEach(Resource::digest);
        return resources.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1.0e+9999999", "-1e999999999", "1.5e-999999999", "1e309", "2e-400",
        "1e9999999999"})
    void aNumberOutsideTheFloat64RangeIsRejectedNamingFileAndLine(String number) {
        for (String path : List.of("cm.yaml", "cm.json")) {
            ManifestException error = loadFails(path, path.endsWith(".json") ? json(number) : yaml(number));

            assertThat(error).as(path).isNotNull().hasMessageContaining("float64");
            assertThat(error.path()).isEqualTo(path);
            assertThat(error.line()).as(path).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".nan", ".NaN", ".inf", "+.inf", "-.Inf"})
    void yamlNotANumberAndInfinityAreRejectedNamingFileAndLine(String number) {
        ManifestException error = loadFails("cm.yaml", yaml(number));

        assertThat(error).isNotNull().hasMessageContaining("infinity");
        assertThat(error.path()).isEqualTo("cm.yaml");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void anIntegerBeyondTheFloat64RangeIsRejectedNamingFileAndLine() {
        String integer = "1" + "0".repeat(309);
        for (String path : List.of("big.yaml", "big.json")) {
            ManifestException error = loadFails(path, path.endsWith(".json") ? json(integer) : yaml(integer));

            assertThat(error).as(path).isNotNull().hasMessageContaining("float64");
            assertThat(error.line()).as(path).isEqualTo(5);
        }
    }

    @Test
    void anIntegerOfMillionsOfDigitsIsRejectedQuicklyInYamlAndJson() {
        String digits = "7".repeat(4_000_000);
        for (String path : List.of("big.yaml", "big.json")) {
            ManifestException error = loadFails(path, path.endsWith(".json") ? json(digits) : yaml(digits));

            assertThat(error).as(path).isNotNull();
            assertThat(error.path()).isEqualTo(path);
            assertThat(error.line()).as(path).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 1020, 5000, 100_000})
    void aNumberOfMoreThanAThousandCharactersIsRejectedInYamlAndJson(int length) {
        String number = "0." + "3".repeat(length - 2);
        for (String path : List.of("long.yaml", "long.json")) {
            ManifestException error = loadFails(path, path.endsWith(".json") ? json(number) : yaml(number));

            assertThat(error).as(path).isNotNull().hasMessageContaining("1000");
            assertThat(error.line()).as(path).isEqualTo(5);
        }
    }

    @Test
    void numbersInsideTheFloat64RangeStillLoadAndDigestByValue() {
        assertThat(load("a.yaml", yaml("1.5e300")).tree().at("/data/v").doubleValue()).isEqualTo(1.5e300);
        assertThat(load("a.yaml", yaml("4.9e-324")).tree().at("/data/v").doubleValue()).isEqualTo(Double.MIN_VALUE);
        assertThat(load("a.json", json("-1.7976931348623157e308")).tree().at("/data/v").doubleValue())
                .isEqualTo(-Double.MAX_VALUE);
        assertThat(load("a.yaml", yaml("9" .repeat(300))).tree().at("/data/v").bigIntegerValue().toString())
                .isEqualTo("9".repeat(300));
        assertThat(CanonicalJson.toString(load("a.yaml", yaml("1.0e+3")).tree().at("/data")))
                .isEqualTo("{\"v\":1000}");
        assertThat(CanonicalJson.toString(load("a.json", json("0.00100")).tree().at("/data")))
                .isEqualTo("{\"v\":0.001}");
    }
}
