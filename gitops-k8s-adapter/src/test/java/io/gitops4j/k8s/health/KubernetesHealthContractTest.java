package io.gitops4j.k8s.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import io.gitops4j.testkit.contract.HealthAssessorContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The testkit's health assessor contract, kept by the built-in rules over the status fixtures of every kind. */
class KubernetesHealthContractTest extends HealthAssessorContract {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Override
    protected HealthAssessor newAssessor() {
        return KubernetesHealth.builtIn();
    }

    @Override
    protected List<Resource> handledObjects() {
        try (Stream<Path> files = Files.list(Path.of(getClass().getResource("/health").toURI()))) {
            return files.sorted().map(KubernetesHealthContractTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Resource read(Path file) {
        try {
            return Resource.of(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
