package io.gitops4j.git;

import static io.gitops4j.git.Manifests.configMap;
import static io.gitops4j.git.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.SourceException;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRefTest {
    @TempDir
    Path cache;

    private GitRepoFixture repo;

    @BeforeEach
    void createRepository() {
        repo = GitRepoFixture.create();
    }

    @AfterEach
    void deleteRepository() {
        repo.close();
    }

    private GitSource source(GitRef ref) {
        return GitSource.builder().uri(repo.fileUri()).ref(ref).cacheDirectory(cache).build();
    }

    @Test
    void tracksLightweightAndAnnotatedTagsAndFollowsAMovedTag() {
        String one = repo.commit(Map.of("a.yaml", configMap("a")));
        String two = repo.commit(Map.of("b.yaml", configMap("b")));
        repo.tag("light", one);
        repo.annotatedTag("release", two, "release notes");

        try (GitSource light = source(GitRef.tag("light")); GitSource annotated = source(GitRef.tag("release"))) {
            assertThat(light.load().revision().id()).isEqualTo(one);
            assertThat(annotated.load().revision().id()).isEqualTo(two);

            repo.tag("light", two);
            assertThat(light.latestRevisionId()).isEqualTo(two);
        }
    }

    @Test
    void semverRangePicksTheHighestMatchingTagAndExcludesPrereleasesByDefault() {
        String v100 = repo.commit(Map.of("v.yaml", configMap("v", "1.0.0")));
        String v120 = repo.commit(Map.of("v.yaml", configMap("v", "1.2.0")));
        String v135 = repo.commit(Map.of("v.yaml", configMap("v", "1.3.5")));
        String rc = repo.commit(Map.of("v.yaml", configMap("v", "1.4.0-rc.1")));
        String v200 = repo.commit(Map.of("v.yaml", configMap("v", "2.0.0")));
        repo.tag("v1.0.0", v100);
        repo.annotatedTag("v1.2.0", v120, "1.2.0");
        repo.tag("1.3.5", v135);
        repo.tag("v1.4.0-rc.1", rc);
        repo.tag("v2.0.0", v200);
        repo.tag("not-a-version", v200);

        try (GitSource stable = source(GitRef.semver(">=1.2.0 <2.0.0"));
                GitSource withPre = source(GitRef.semver(">=1.2.0 <2.0.0", true));
                GitSource caret = source(GitRef.semver("^1.0.0"))) {
            assertThat(stable.load().revision().id()).isEqualTo(v135);
            assertThat(withPre.latestRevisionId()).isEqualTo(rc);
            assertThat(caret.latestRevisionId()).isEqualTo(v135);

            String v136 = repo.commit(Map.of("v.yaml", configMap("v", "1.3.6")));
            repo.tag("v1.3.6", v136);
            assertThat(stable.latestRevisionId()).isEqualTo(v136);
        }
    }

    @Test
    void semverRangeWithoutMatchIsAnErrorThatSaysSo() {
        repo.tag("v1.0.0", repo.commit(Map.of("a.yaml", configMap("a"))));
        try (GitSource source = source(GitRef.semver(">=3.0.0"))) {
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("no tag").hasMessageContaining(">=3.0.0");
        }
    }

    @Test
    void missingBranchOrTagIsAnError() {
        repo.commit(Map.of("a.yaml", configMap("a")));
        try (GitSource branch = source(GitRef.branch("nope")); GitSource tag = source(GitRef.tag("v9"))) {
            assertThatThrownBy(branch::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("branch nope does not exist");
            assertThatThrownBy(tag::latestRevisionId).isInstanceOf(SourceException.class)
                    .hasMessageContaining("tag v9 does not exist");
        }
    }

    @Test
    void tracksAnotherBranch() {
        repo.commit(Map.of("a.yaml", configMap("a")));
        repo.commit("staging", "staging", Map.of("s.yaml", configMap("s")));
        try (GitSource source = source(GitRef.branch("staging"))) {
            assertThat(names(source.load())).containsExactly("s");
        }
    }

    @Test
    void invalidRefsAreRejectedOnCreation() {
        for (String bad : List.of("", "a..b", "with space", "ends.lock")) {
            assertThatThrownBy(() -> GitRef.branch(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> GitRef.commit("abc123")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("full 40-digit");
        assertThat(GitRef.commit("ABCDEF0123456789ABCDEF0123456789ABCDEF01").describe())
                .isEqualTo("commit abcdef0123456789abcdef0123456789abcdef01");
        assertThatThrownBy(() -> GitRef.semver("not a range at all !!")).isInstanceOf(IllegalArgumentException.class);
    }
}
