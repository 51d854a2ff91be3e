package io.gitops4j.k8s.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.Resource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the built-in health rules over status fixtures shaped like objects read from real clusters
 * ({@code src/test/resources/health}); each fixture names its expected status and a part of the expected message in
 * its annotations {@code test.gitops4j.io/expected-health} and {@code test.gitops4j.io/expected-message}.
 */
class HealthFixturesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final KubernetesHealth health = KubernetesHealth.builtIn();

    @TestFactory
    Stream<DynamicTest> eachFixtureHasItsExpectedHealth() throws IOException, URISyntaxException {
        List<Path> fixtures = fixtures();
        return fixtures.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Resource live = Resource.of(YAML.readTree(file.toFile()));

            Health result = health.health(live);

            assertThat(result.status()).as(result.toString())
                    .isEqualTo(HealthStatus.valueOf(live.annotation("test.gitops4j.io/expected-health").orElseThrow()));
            assertThat(result.message()).contains(live.annotation("test.gitops4j.io/expected-message").orElse(""));
        }));
    }

    @Test
    void everyBuiltInKindHasAFixture() throws IOException, URISyntaxException {
        List<String> names = fixtures().stream().map(p -> p.getFileName().toString()).toList();

        assertThat(names).hasSizeGreaterThanOrEqualTo(20)
                .anyMatch(n -> n.startsWith("deployment-")).anyMatch(n -> n.startsWith("statefulset-"))
                .anyMatch(n -> n.startsWith("daemonset-")).anyMatch(n -> n.startsWith("replicaset-"))
                .anyMatch(n -> n.startsWith("job-")).anyMatch(n -> n.startsWith("pod-"))
                .anyMatch(n -> n.startsWith("pvc-")).anyMatch(n -> n.startsWith("service-"))
                .anyMatch(n -> n.startsWith("crd-")).anyMatch(n -> n.startsWith("namespace-"))
                .anyMatch(n -> n.startsWith("custom-"));
    }

    @Test
    void customAssessorsComeBeforeTheBuiltInRules() {
        Resource service = Resource.of(YAML.valueToTree(java.util.Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", java.util.Map.of("name", "api"))));
        KubernetesHealth custom = KubernetesHealth.withCustom(List.of(
                live -> java.util.Optional.of(Health.degraded("custom rule"))));

        assertThat(custom.health(service)).isEqualTo(Health.degraded("custom rule"));
        assertThat(KubernetesHealth.builtIn().health(service)).isEqualTo(Health.healthy());
    }

    @Test
    void aFailingAssessorYieldsUnknownHealth() {
        Resource service = Resource.of(YAML.valueToTree(java.util.Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", java.util.Map.of("name", "api"))));
        KubernetesHealth custom = KubernetesHealth.withCustom(List.of(live -> {
            throw new IllegalStateException("boom");
        }));

        assertThat(custom.health(service).status()).isEqualTo(HealthStatus.UNKNOWN);
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(HealthFixturesTest.class.getResource("/health").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
