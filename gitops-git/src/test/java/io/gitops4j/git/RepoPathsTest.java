package io.gitops4j.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class RepoPathsTest {
    private static final List<String> SEGMENTS = List.of("", ".", "..", ".git", ".GIT", "apps", "a b", "x.yaml",
            "..hidden", "dir", "\\", ".gitignore");

    @Test
    void normalisedPathsStayInsideTheRepositoryAndAreStable() {
        Gen<String> paths = SourceDSL.lists().of(Generate.pick(SEGMENTS)).ofSizeBetween(0, 6)
                .zip(Generate.pick(List.of("/", "//", "\\")), (segments, separator) -> String.join(separator,
                        segments));

        qt().withExamples(2000).forAll(paths).checkAssert(path -> {
            String normalised;
            try {
                normalised = RepoPaths.normaliseConfigured(path);
            } catch (IllegalArgumentException rejected) {
                assertThat(path.replace('\\', '/').split("/")).containsAnyOf("..", ".git", ".GIT");
                return;
            }
            assertThat(normalised).doesNotStartWith("/").doesNotEndWith("/").doesNotContain("//")
                    .doesNotContain("\\");
            assertThat(normalised.isEmpty() || RepoPaths.isSafeTreePath(normalised)).isTrue();
            assertThat(RepoPaths.normaliseConfigured(normalised)).isEqualTo(normalised);
        });
    }

    @Test
    void treePathsWithTraversalOrGitFoldersAreUnsafe() {
        assertThat(RepoPaths.isSafeTreePath("apps/a.yaml")).isTrue();
        assertThat(RepoPaths.isSafeTreePath("..hidden/a.yaml")).isTrue();
        for (String unsafe : List.of("../a.yaml", "apps/../../a", "/etc/passwd", ".git/config", "a//b", "a/./b",
                "", "a\\b")) {
            assertThat(RepoPaths.isSafeTreePath(unsafe)).as(unsafe).isFalse();
        }
        assertThatThrownBy(() -> RepoPaths.normaliseConfigured("a/../../b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the repository");
    }
}
