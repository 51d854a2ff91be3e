package io.gitops4j.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Diffs the real podinfo manifests against served copies of themselves; skipped when the fixtures are absent. */
class PodinfoFixtureTest {
    private static final Path PODINFO = Path.of("/work/shared/fixtures/podinfo/deploy");

    @Test
    void realManifestsAreInSyncWithWhatAServerReportsForThem() throws IOException {
        assumeTrue(Files.isDirectory(PODINFO), "podinfo fixtures not present at " + PODINFO + "; nothing to check");
        List<Resource> resources = load();
        assumeTrue(!resources.isEmpty(), "no podinfo manifests found under " + PODINFO);
        long seed = 0;

        for (Resource desired : resources) {
            ObjectNode served = ResourceTrees.serve(desired.body(), seed++);
            LiveResource live = LiveResource.of(Resource.of(served), desired);

            ResourceDiff diff = DefaultStateDiffer.defaults().diff(desired.key(), desired, live);

            assertThat(diff.changes()).as("%s from %s", desired.key(), desired.provenance()).isEmpty();
        }
    }

    private static List<Resource> load() throws IOException {
        List<Resource> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PODINFO)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.toString();
                if ((name.endsWith(".yaml") || name.endsWith(".yml")) && !name.endsWith("kustomization.yaml")) {
                    resources.addAll(ManifestLoader.defaults().parse(PODINFO.relativize(file).toString(),
                            Files.readAllBytes(file)));
                }
            }
        }
        return resources;
    }
}
