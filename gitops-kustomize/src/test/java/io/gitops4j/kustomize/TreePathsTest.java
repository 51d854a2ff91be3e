package io.gitops4j.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Paths a kustomization names resolve inside the repository root, or not at all. */
class TreePathsTest {

    private static Gen<String> segments() {
        List<String> parts = List.of("..", ".", "a", "b", "c", "");
        return lists().of(integers().between(0, parts.size() - 1).map(parts::get)).ofSizeBetween(0, 8)
                .map(list -> String.join("/", list));
    }

    @Test
    void resolvedPathsNeverLeaveTheRootNorHoldDotSegments() {
        qt().forAll(segments(), segments()).checkAssert((folder, relative) -> {
            String normalFolder = TreePaths.resolve("", folder);
            if (normalFolder == null) {
                return;
            }
            String resolved = TreePaths.resolve(normalFolder, relative);
            if (resolved != null) {
                assertThat(resolved.isEmpty() ? List.of() : List.of(resolved.split("/", -1)))
                        .doesNotContain("..", ".", "");
            }
        });
    }

    @Test
    void climbingAboveTheRootIsRefused() {
        assertThat(TreePaths.resolve("apps/web", "../../../etc")).isNull();
        assertThat(TreePaths.resolve("apps/web", "/etc/passwd")).isNull();
        assertThat(TreePaths.resolve("apps/web", "../../base")).isEqualTo("base");
        assertThat(TreePaths.resolve("", "./a/./b/../c")).isEqualTo("a/c");
    }

    @Test
    void remoteBasesAreRecognised() {
        assertThat(TreePaths.isRemote("https://github.com/org/repo//deploy?ref=v1")).isTrue();
        assertThat(TreePaths.isRemote("github.com/org/repo/deploy?ref=main")).isTrue();
        assertThat(TreePaths.isRemote("git::ssh://git@example.com/repo.git")).isTrue();
        assertThat(TreePaths.isRemote("git@github.com:org/repo.git")).isTrue();
        assertThat(TreePaths.isRemote("../../bases/backend")).isFalse();
        assertThat(TreePaths.isRemote("deployment.yaml")).isFalse();
    }

    @Test
    void imagesSplitIntoNameTagAndDigestLikeKustomize() {
        assertThat(ImageTransformation.split("nginx")).containsExactly("nginx", "", "");
        assertThat(ImageTransformation.split("nginx:1.25")).containsExactly("nginx", "1.25", "");
        assertThat(ImageTransformation.split("registry:5000/team/api:2"))
                .containsExactly("registry:5000/team/api", "2", "");
        assertThat(ImageTransformation.split("api@sha256:abc")).containsExactly("api", "", "sha256:abc");
        assertThat(ImageTransformation.split("api:1@sha256:abc")).containsExactly("api", "1", "sha256:abc");
    }
}
