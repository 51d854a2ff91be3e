import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.git.GitRef;
import io.gitops4j.git.GitSource;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With only the published artifacts, a Kustomize overlay is detected, found by ServiceLoader and rendered. */
class RenderedOverlayTest {
    @Test
    void anOverlayRendersNativelyFromTheCommit() throws Exception {
        try (GitRepoFixture repo = GitRepoFixture.create()) {
            repo.commit(Map.of(
                    "base/kustomization.yaml", "resources: [config.yaml]\n",
                    "base/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n"
                            + "data: {colour: blue}\n",
                    "overlays/prod/kustomization.yaml", "resources: [../../base]\nnamespace: shop\n"
                            + "namePrefix: prod-\n"));
            try (GitSource source = GitSource.builder().uri(repo.fileUri()).ref(GitRef.branch("main"))
                    .path("overlays/prod").build()) {
                DesiredState state = source.load();
                assertThat(state.renderedBy()).isEqualTo("kustomize (native)");
                assertThat(state.keys()).containsExactly(ResourceKey.of("", "ConfigMap", "shop", "prod-settings"));
            }
        }
    }
}
