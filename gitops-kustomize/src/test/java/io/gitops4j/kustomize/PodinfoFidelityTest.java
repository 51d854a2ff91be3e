package io.gitops4j.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitops4j.kustomize.fidelity.KubectlKustomize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders podinfo's real kustomizations ({@code deploy/overlays/*} and {@code kustomize/}, from the shared fixtures
 * beside the project) natively and with {@code kubectl kustomize}. The fixture copy lacks the scripts and the Redis
 * configuration the bases generate ConfigMaps from, so the test copies the tree and stubs them. Skips when the fixture
 * or kubectl is absent.
 */
class PodinfoFidelityTest {
    private static final List<String> STUBS = List.of("deploy/bases/database/scripts/rollup.sh",
            "deploy/bases/database/scripts/backup.sh", "deploy/bases/frontend/scripts/warm-cache.sh",
            "deploy/bases/frontend/scripts/warm-cache-init.sh", "deploy/bases/cache/redis.conf");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"deploy/overlays/dev", "deploy/overlays/staging", "deploy/overlays/production",
        "kustomize"})
    void rendersPodinfoLikeKubectlKustomize(String folder) throws IOException {
        Optional<Path> podinfo = podinfo();
        assumeTrue(podinfo.isPresent(), "the podinfo fixture (../shared/fixtures/podinfo beside the project) is "
                + "absent; skipped");
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed at " + KubectlKustomize.KUBECTL
                + "; skipped");
        Path tree = work.resolve("podinfo");
        copy(podinfo.get(), tree);
        for (String stub : STUBS) {
            Path file = tree.resolve(stub);
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "# stub of " + file.getFileName() + "\necho ok\n", StandardCharsets.UTF_8);
            }
        }
        for (String overlay : List.of("dev", "staging", "production")) {
            Path labels = tree.resolve("deploy/overlays/" + overlay + "/labels.yaml");
            if (!Files.exists(labels)) {
                Files.writeString(labels, "apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: labels}\n"
                        + "labels: {env: " + overlay + "}\nfieldSpecs: [{path: metadata/labels, create: true}]\n");
            }
        }
        List<String> expected = KustomizeOracle.kubectl(tree.resolve(folder));
        assertThat(expected).as("kubectl kustomize output").noneMatch(d -> d.startsWith("ERROR:")).isNotEmpty();

        List<String> actual = KustomizeOracle.nativeRender(tree, folder);

        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static Optional<Path> podinfo() {
        Path module = Path.of("").toAbsolutePath();
        for (String relative : List.of("../../shared/fixtures/podinfo", "../../../shared/fixtures/podinfo")) {
            Path candidate = module.resolve(relative).normalize();
            if (Files.isDirectory(candidate.resolve("deploy"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(path)) {
                    Files.copy(path, target);
                }
            }
        }
    }
}
