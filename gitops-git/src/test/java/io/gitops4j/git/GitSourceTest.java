package io.gitops4j.git;

import static io.gitops4j.git.Manifests.configMap;
import static io.gitops4j.git.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.ManifestException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.SourceException;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourceTest {
    private static final String MAIN = GitRepoFixture.DEFAULT_BRANCH;

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

    private GitSource.Builder source() {
        return GitSource.builder().uri(repo.fileUri()).cacheDirectory(cache);
    }

    @Test
    void loadsTheBranchTipPinnedToItsCommitSha() {
        String sha = repo.commit(Map.of("a.yaml", configMap("a"), "dir/b.yml", configMap("b"), "README.md", "hi"));

        try (GitSource source = source().build()) {
            DesiredState state = source.load();

            assertThat(state.revision().id()).isEqualTo(sha);
            assertThat(state.revision().digest()).startsWith("sha256:");
            assertThat(names(state)).containsExactly("a", "b");
            assertThat(state.resources().values()).extracting(r -> r.provenance().path())
                    .containsExactlyInAnyOrder("a.yaml", "dir/b.yml");
        }
    }

    @Test
    void followsABranchThatMovesAndOneThatIsForcePushed() {
        String first = repo.commit(Map.of("a.yaml", configMap("a")));
        try (GitSource source = source().build()) {
            assertThat(source.load().revision().id()).isEqualTo(first);

            String second = repo.commit(Map.of("b.yaml", configMap("b")));
            DesiredState moved = source.load();
            assertThat(moved.revision().id()).isEqualTo(second);
            assertThat(names(moved)).containsExactly("a", "b");

            repo.branch(MAIN, first);
            String rewritten = repo.commit(Map.of("c.yaml", configMap("c")));
            DesiredState forced = source.load();
            assertThat(forced.revision().id()).isEqualTo(rewritten);
            assertThat(names(forced)).containsExactly("a", "c");
        }
    }

    @Test
    void reloadOfAnUnmovedTipReusesTheLoadedStateAndAMovedTipReadsAgain() {
        repo.commit(Map.of("a.yaml", configMap("a")));
        try (GitSource source = source().build()) {
            DesiredState first = source.load();

            assertThat(source.load()).isSameAs(first);
            repo.commit(Map.of("b.yaml", configMap("b")));
            assertThat(names(source.load())).containsExactly("a", "b");
        }
    }

    @Test
    void loadsAnExactEarlierRevisionForRollbackAndChecksItsDigest() {
        repo.commit(Map.of("a.yaml", configMap("a", "old")));
        try (GitSource source = source().build()) {
            DesiredState old = source.load();
            repo.commit(Map.of("a.yaml", configMap("a", "new")));
            DesiredState latest = source.load();

            DesiredState rolledBack = source.load(old.revision());

            assertThat(rolledBack).isEqualTo(old);
            assertThat(latest.revision().digest()).isNotEqualTo(old.revision().digest());
            assertThat(source.load(Revision.of(old.revision().id())).revision()).isEqualTo(old.revision());
            assertThatThrownBy(() -> source.load(new Revision(old.revision().id(), latest.revision().digest())))
                    .isInstanceOf(SourceException.class).hasMessageContaining("digest");
        }
    }

    @Test
    void rejectsUnknownAndMalformedRevisions() {
        repo.commit(Map.of("a.yaml", configMap("a")));
        try (GitSource source = source().build()) {
            assertThatThrownBy(() -> source.load(Revision.of("0123456789012345678901234567890123456789")))
                    .isInstanceOf(SourceException.class).hasMessageContaining("does not exist");
            assertThatThrownBy(() -> source.load(Revision.of("abc123")))
                    .isInstanceOf(SourceException.class).hasMessageContaining("full 40-digit");
        }
    }

    @Test
    void pinnedCommitStaysPutWhenTheBranchMoves() {
        String pinned = repo.commit(Map.of("a.yaml", configMap("a")));
        repo.commit(Map.of("b.yaml", configMap("b")));

        try (GitSource source = source().ref(GitRef.commit(pinned)).build()) {
            DesiredState state = source.load();

            assertThat(state.revision().id()).isEqualTo(pinned);
            assertThat(names(state)).containsExactly("a");
            assertThat(source.latestRevisionId()).isEqualTo(pinned);
        }
    }

    @Test
    void readsOnlyTheMonorepoFolderAndReportsPathsInsideTheRepository() {
        repo.commit(Map.of("apps/shop/a.yaml", configMap("a"), "apps/shop/sub/b.yaml", configMap("b"),
                "apps/other/c.yaml", configMap("c"), "root.yaml", configMap("r")));

        try (GitSource source = source().path("/apps/shop/").build()) {
            DesiredState state = source.load();

            assertThat(names(state)).containsExactly("a", "b");
            assertThat(state.resources().values()).extracting(r -> r.provenance().path())
                    .containsExactlyInAnyOrder("apps/shop/a.yaml", "apps/shop/sub/b.yaml");
            assertThat(source.describe()).endsWith("@main:apps/shop");
        }
    }

    @Test
    void missingFolderIsAnErrorNotAnEmptyState() {
        repo.commit(Map.of("a.yaml", configMap("a")));
        try (GitSource source = source().path("deploy").build()) {
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("path 'deploy' does not exist");
        }
    }

    @Test
    void pathsEscapingTheRepositoryAreRejectedAtConfiguration() {
        assertThatThrownBy(() -> source().path("apps/../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source().path(".git/objects")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appliesIncludeExcludeAndTheSourceIgnoreFile() {
        repo.commit(Map.of(
                "apps/a.yaml", configMap("a"),
                "apps/test/t.yaml", configMap("t"),
                "apps/skip.yaml", configMap("skip"),
                "apps/keep-me.yaml", configMap("keep"),
                "infra/i.yaml", configMap("i"),
                "docs/d.yaml", configMap("d"),
                ".sourceignore", "# comment\napps/skip.yaml\ninfra/\n"));

        try (GitSource source = source().include("apps/", "infra/").exclude("**/test/", "keep-*.yaml",
                "!keep-me.yaml").build()) {
            assertThat(names(source.load())).containsExactly("a", "keep");
        }
        try (GitSource unfiltered = source().ignoreFile(null).cacheDirectory(cache.resolve("other")).build()) {
            assertThat(names(unfiltered.load())).contains("skip", "i", "d", "t");
        }
    }

    @Test
    void aSymbolicLinkFailsTheLoadNamingItWhetherItPointsInsideOrOutsideTheRepository() {
        repo.commit(Map.of("a.yaml", configMap("a"), "real/b.yaml", configMap("b"), "docs/README.md", "hi"));
        Map<String, String> links = Map.of(
                "t-03.yaml", "a.yaml",
                "escape.yaml", "../../../../../../etc/hostname",
                "apps", "real",
                "nested/dir", "../real/",
                "outside", "../../elsewhere");

        try (GitSource source = source().build()) {
            for (Map.Entry<String, String> link : links.entrySet()) {
                repo.commitSymlink(MAIN, link.getKey(), link.getValue());

                assertThatThrownBy(source::load).as(link.getKey()).isInstanceOf(SourceException.class)
                        .hasMessageContaining("'" + link.getKey() + "'").hasMessageContaining("symbolic link");

                repo.delete(MAIN, link.getKey());
                assertThat(names(source.load())).containsExactly("a", "b");
            }
        }
    }

    @Test
    void aSymbolicLinkToAFileThatIsNoManifestAndSubmodulesAreSkippedNeverFollowed() {
        String base = repo.commit(Map.of("a.yaml", configMap("a"), "docs/README.md", "hi"));
        repo.commitSymlink(MAIN, "README.md", "docs/README.md");
        repo.commitSubmodule(MAIN, "vendored", base);

        try (GitSource source = source().build()) {
            DesiredState state = source.load();

            assertThat(names(state)).containsExactly("a");
            assertThat(state.resources().values()).extracting(r -> r.provenance().path()).containsExactly("a.yaml");
        }
    }

    @Test
    void aNumberOutsideTheFloat64RangeIsAManifestErrorNamingThePathAndLine() {
        repo.commit(Map.of("apps/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  v: 1e999999999\n"));

        try (GitSource source = source().build()) {
            assertThatThrownBy(source::load).isInstanceOf(ManifestException.class)
                    .hasMessageStartingWith("apps/cm.yaml (document 1, line 5)").hasMessageContaining("float64");
        }
    }

    @Test
    void oversizeFileAndTooManyFilesAreClearErrors() {
        repo.commit(Map.of("a.yaml", configMap("a"), "big.yaml", configMap("big", "x".repeat(5000)),
                "c.yaml", configMap("c")));

        try (GitSource small = source().maxFileSize(1000).build()) {
            assertThatThrownBy(small::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("'big.yaml'").hasMessageContaining("over the limit of 1000 bytes");
        }
        try (GitSource few = source().maxFiles(2).cacheDirectory(cache.resolve("few")).build()) {
            assertThatThrownBy(few::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("more than 2 files");
        }
    }

    @Test
    void invalidManifestErrorNamesThePathInsideTheRepository() {
        repo.commit(Map.of("apps/ok.yaml", configMap("ok"), "apps/broken.yaml", "apiVersion: v1\nkind: [\n"));

        try (GitSource source = source().path("apps").build()) {
            assertThatThrownBy(source::load).isInstanceOf(ManifestException.class)
                    .hasMessageContaining("apps/broken.yaml");
        }
    }

    @Test
    void latestRevisionIdFetchesWithoutLoadingAndChangedPathsAreRelativeToTheFolder() {
        String first = repo.commit(Map.of("deploy/a.yaml", configMap("a"), "src/Main.java", "class Main {}"));
        try (GitSource source = source().path("deploy").build()) {
            assertThat(source.latestRevisionId()).isEqualTo(first);

            repo.commit(Map.of("src/Main.java", "class Main { }"));
            String third = repo.commit(Map.of("deploy/b.yaml", configMap("b"), "deploy/a.yaml", configMap("a", "2")));
            String latest = source.latestRevisionId();

            assertThat(latest).isEqualTo(third);
            assertThat(source.changedPaths(first, latest)).contains(java.util.Set.of("a.yaml", "b.yaml"));
            assertThat(source.changedPaths(first, repo.head(MAIN))).get().asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).doesNotContain("Main.java");
            assertThat(source.changedPaths(first, "0123456789012345678901234567890123456789")).isEmpty();
        }
    }

    @Test
    void describeAndToStringNeverShowCredentials() {
        try (GitSource source = GitSource.builder().uri("https://alice:s3cret@example.org/shop.git")
                .cacheDirectory(cache).build()) {
            assertThat(source.describe()).isEqualTo("https://example.org/shop.git@main").doesNotContain("s3cret");
            assertThat(source.toString()).doesNotContain("s3cret").doesNotContain("alice");
        }
    }

    @Test
    void sourcesOnOneRepositoryAndRefShareAFetchKeyWithoutCredentials() {
        try (GitSource apps = GitSource.builder().uri("https://alice:s3cret@example.org/shop.git").path("apps")
                .cacheDirectory(cache).build();
                GitSource infra = GitSource.builder().uri("https://example.org/shop.git").path("infra")
                        .cacheDirectory(cache).build();
                GitSource release = GitSource.builder().uri("https://example.org/shop.git").ref(GitRef.tag("v1.0.0"))
                        .cacheDirectory(cache).build()) {
            assertThat(apps.fetchKey()).isEqualTo(infra.fetchKey()).doesNotContain("s3cret").doesNotContain("alice");
            assertThat(release.fetchKey()).isNotEqualTo(apps.fetchKey());
        }
    }
}
