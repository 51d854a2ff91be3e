package io.gitops4j.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitops4j.kustomize.fidelity.KubectlKustomize;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every fixture under {@code src/test/resources/kustomize/<case>/} natively and with {@code kubectl
 * kustomize}, and requires the same objects, values and order. A case builds its root, or each folder listed in its
 * {@code builds.txt}. Skips when kubectl is not installed.
 */
class KustomizeFidelityTest {

    static Stream<String> builds() throws IOException, URISyntaxException {
        Path root = fixtures();
        List<String> builds = new ArrayList<>();
        try (Stream<Path> cases = Files.list(root)) {
            for (Path dir : cases.sorted().toList()) {
                Path list = dir.resolve("builds.txt");
                if (Files.exists(list)) {
                    for (String line : Files.readAllLines(list)) {
                        if (!line.isBlank()) {
                            builds.add(dir.getFileName() + "/" + line.strip());
                        }
                    }
                } else {
                    builds.add(dir.getFileName().toString());
                }
            }
        }
        return builds.stream();
    }

    static Path fixtures() throws URISyntaxException {
        return Path.of(KustomizeFidelityTest.class.getResource("/kustomize").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    void rendersLikeKubectlKustomize(String build) throws URISyntaxException {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed at " + KubectlKustomize.KUBECTL
                + "; the fidelity comparison with kubectl kustomize is skipped");
        Path root = fixtures();
        List<String> expected = KustomizeOracle.kubectl(root.resolve(build));
        assertThat(expected).as("kubectl kustomize output").noneMatch(d -> d.startsWith("ERROR:"));

        List<String> actual = KustomizeOracle.nativeRender(root, build);

        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
