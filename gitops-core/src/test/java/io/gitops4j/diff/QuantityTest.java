package io.gitops4j.diff;

import static io.gitops4j.diff.Yaml.live;
import static io.gitops4j.diff.Yaml.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.model.Resource;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: web
                resources:
                  limits: {cpu: %s, memory: %s}
                  requests: {cpu: %s}
                env: [{name: CPU, value: %s}]
            """;

    private static ChangeType diff(String desired, String live) {
        Resource resource = resource(desired);
        return DefaultStateDiffer.defaults().diff(resource.key(), resource, live(live)).type();
    }

    @Test
    void resourceQuantitiesCompareByValue() {
        String desired = POD.formatted("\"1000m\"", "1Gi", "0.5", "\"1\"");
        String live = POD.formatted("\"1\"", "1024Mi", "500m", "\"1\"");

        assertThat(diff(desired, live)).isEqualTo(ChangeType.NONE);
    }

    @Test
    void differentQuantitiesAreDrift() {
        String desired = POD.formatted("\"2\"", "1Gi", "0.5", "\"1\"");
        String live = POD.formatted("\"1\"", "1G", "500m", "\"1\"");

        Resource resource = resource(desired);
        ResourceDiff diff = DefaultStateDiffer.defaults().diff(resource.key(), resource, live(live));

        assertThat(diff.changes()).extracting(FieldChange::path).containsExactly(
                "/spec/containers/0/resources/limits/cpu", "/spec/containers/0/resources/limits/memory");
    }

    @Test
    void quantityEqualityAppliesOnlyToQuantityFields() {
        String desired = POD.formatted("1", "1Gi", "1", "\"1000m\"");
        String live = POD.formatted("1", "1Gi", "1", "\"1\"");

        assertThat(diff(desired, live)).isEqualTo(ChangeType.UPDATE);
    }

    @Test
    void parsesSuffixesAndExponentsExactly() {
        assertThat(Quantity.parse("1Ki")).isEqualByComparingTo("1024");
        assertThat(Quantity.parse("1.5Gi")).isEqualByComparingTo(new BigDecimal(1536L * 1024 * 1024));
        assertThat(Quantity.parse("250m")).isEqualByComparingTo("0.25");
        assertThat(Quantity.parse("1e3")).isEqualByComparingTo("1000");
        assertThat(Quantity.parse("2E")).isEqualByComparingTo("2000000000000000000");
        assertThat(Quantity.parse("100n")).isEqualByComparingTo("0.0000001");
        assertThat(Quantity.parse("-1k")).isEqualByComparingTo("-1000");
        assertThat(Quantity.parse("abc")).isNull();
        assertThat(Quantity.parse("1Xi")).isNull();
        assertThat(Quantity.parse("")).isNull();
    }
}
