package io.gitops4j.git;

import static io.gitops4j.git.Manifests.configMap;
import static io.gitops4j.git.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.SourceException;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.git.GitServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourceTransportTest {
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

    @Test
    void loadsAndFetchesIncrementallyOverGitDaemon() {
        String first = repo.commit(Map.of("a.yaml", configMap("a")));
        GitServer daemon = repo.serveOverGitDaemon();

        try (GitSource source = GitSource.builder().uri(daemon.uri()).cacheDirectory(cache).build()) {
            assertThat(source.load().revision().id()).isEqualTo(first);

            String second = repo.commit(Map.of("b.yaml", configMap("b")));
            DesiredState state = source.load();

            assertThat(state.revision().id()).isEqualTo(second);
            assertThat(names(state)).containsExactly("a", "b");
        }
    }

    @Test
    void loadsOverSmartHttpWithoutAuthentication() {
        String sha = repo.commit(Map.of("a.yaml", configMap("a")));
        GitServer http = repo.serveOverHttp();

        try (GitSource source = GitSource.builder().uri(http.uri()).cacheDirectory(cache).build()) {
            assertThat(source.load().revision().id()).isEqualTo(sha);
        }
    }

    @Test
    void loadsOverSmartHttpWithBasicAuthAndNeverShowsTheSecret() {
        String sha = repo.commit(Map.of("a.yaml", configMap("a")));
        GitServer http = repo.serveOverHttp("alice", "s3cret-pw");

        try (GitSource good = GitSource.builder().uri(http.uri()).cacheDirectory(cache.resolve("good"))
                .credentials(GitCredentials.basic("alice", "s3cret-pw")).build();
                GitSource embedded = GitSource.builder().uri(http.uri().replace("http://", "http://alice:s3cret-pw@"))
                        .cacheDirectory(cache.resolve("embedded")).build();
                GitSource bad = GitSource.builder().uri(http.uri()).cacheDirectory(cache.resolve("bad"))
                        .credentials(GitCredentials.basic("alice", "wrong-pw")).build();
                GitSource anonymous = GitSource.builder().uri(http.uri()).timeout(Duration.ofSeconds(5))
                        .cacheDirectory(cache.resolve("anonymous")).build()) {
            assertThat(good.load().revision().id()).isEqualTo(sha);
            assertThat(embedded.load().revision().id()).isEqualTo(sha);
            assertThat(embedded.describe()).doesNotContain("s3cret-pw");

            assertThatThrownBy(bad::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining(http.uri()).hasMessageNotContaining("wrong-pw")
                    .satisfies(e -> assertThat(stackText(e)).doesNotContain("wrong-pw"));
            assertThatThrownBy(anonymous::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("fetch of " + http.uri() + " failed");
        }
    }

    @Test
    void unreachableServerKeepsTheCachedCloneUsableAndSaysSo() {
        String first = repo.commit(Map.of("a.yaml", configMap("a")));
        GitServer http = repo.serveOverHttp();
        try (GitSource source = GitSource.builder().uri(http.uri()).timeout(Duration.ofSeconds(5))
                .cacheDirectory(cache).build()) {
            DesiredState loaded = source.load();
            http.close();

            assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("fetch of " + http.uri() + " failed")
                    .hasMessageContaining("cached clone")
                    .hasMessageContaining("Last loaded revision: " + first);
            assertThatThrownBy(source::latestRevisionId).isInstanceOf(SourceException.class);
            assertThat(source.load(loaded.revision())).isEqualTo(loaded);
        }
    }

    @Test
    void cachedCloneSurvivesARestartAndServesEarlierRevisionsWhileTheServerIsDown() {
        String first = repo.commit(Map.of("a.yaml", configMap("a")));
        GitServer http = repo.serveOverHttp();
        DesiredState loaded;
        try (GitSource before = GitSource.builder().uri(http.uri()).cacheDirectory(cache).build()) {
            loaded = before.load();
        }
        http.close();

        try (GitSource afterRestart = GitSource.builder().uri(http.uri()).timeout(Duration.ofSeconds(5))
                .cacheDirectory(cache).build()) {
            assertThat(afterRestart.load(loaded.revision())).isEqualTo(loaded);
            assertThat(afterRestart.load(Revision.of(first)).revision().id()).isEqualTo(first);
            assertThatThrownBy(afterRestart::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("cached clone");
        }
    }

    @Test
    void temporaryCacheIsDeletedOnClose() {
        repo.commit(Map.of("a.yaml", configMap("a")));
        Path clone;
        try (GitSource source = GitSource.builder().uri(repo.fileUri()).build()) {
            source.load();
            clone = source.cloneDirectory();
            assertThat(clone).isDirectory();
        }
        assertThat(clone.getParent()).doesNotExist();
    }

    @Test
    void sourcesOnOneUrlShareOneCloneAndOneFetchWithinTheReuseWindow() {
        String sha = repo.commit(Map.of("apps/a/x.yaml", configMap("x"), "apps/b/y.yaml", configMap("y")));
        GitServer http = repo.serveOverHttp();

        try (RepositoryCache shared = RepositoryCache.builder(cache).fetchReuseWindow(Duration.ofHours(1)).build();
                GitSource a = GitSource.builder().uri(http.uri()).path("apps/a").repositoryCache(shared).build();
                GitSource b = GitSource.builder().uri(http.uri()).path("apps/b").repositoryCache(shared).build()) {
            assertThat(names(a.load())).containsExactly("x");
            assertThat(names(b.load())).containsExactly("y");

            assertThat(a.cloneDirectory()).isEqualTo(b.cloneDirectory());
            assertThat(http.fetchCount()).isEqualTo(1);
            assertThat(b.latestRevisionId()).isEqualTo(sha);
            assertThat(http.fetchCount()).isEqualTo(1);
        }
    }

    @Test
    void concurrentLoadsOfSharedSourcesAllSeeTheSameCompleteState() throws Exception {
        repo.commit(Map.of("a.yaml", configMap("a"), "b.yaml", configMap("b")));
        GitServer http = repo.serveOverHttp();

        try (RepositoryCache shared = RepositoryCache.open(cache)) {
            List<GitSource> sources = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sources.add(GitSource.builder().uri(http.uri()).repositoryCache(shared).build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<DesiredState>> results = new ArrayList<>();
                for (GitSource source : sources) {
                    results.add(pool.submit(() -> source.load()));
                }
                Set<DesiredState> distinct = new HashSet<>();
                for (Future<DesiredState> result : results) {
                    distinct.add(result.get(60, TimeUnit.SECONDS));
                }
                assertThat(distinct).hasSize(1);
                assertThat(names(distinct.iterator().next())).containsExactly("a", "b");
                assertThat(http.fetchCount()).isBetween(1, 6);
            } finally {
                pool.shutdownNow();
                sources.forEach(GitSource::close);
            }
        }
    }

    @Test
    void shallowFetchLoadsTheTipAndFetchesAnOlderCommitBySha() {
        String first = repo.commit(Map.of("a.yaml", configMap("a")));
        String second = repo.commit(Map.of("b.yaml", configMap("b")));
        GitServer http = repo.serveOverHttp();

        try (GitSource source = GitSource.builder().uri(http.uri()).shallow(true).cacheDirectory(cache).build()) {
            assertThat(source.load().revision().id()).isEqualTo(second);
            assertThat(names(source.load(Revision.of(first)))).containsExactly("a");
        }
    }

    private static String stackText(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
