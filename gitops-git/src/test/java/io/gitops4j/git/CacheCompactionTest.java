package io.gitops4j.git;

import static io.gitops4j.git.Manifests.configMap;
import static io.gitops4j.git.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached clone polled for many commits stays compact, and compaction never loses a commit a rollback needs. */
class CacheCompactionTest {
    private static final String MAIN = GitRepoFixture.DEFAULT_BRANCH;

    @TempDir
    Path temp;

    private GitRepoFixture repo;
    private final List<RepositoryCache> caches = new ArrayList<>();

    @BeforeEach
    void createRepository() {
        repo = GitRepoFixture.create();
        repo.commit(Map.of("base/a.yaml", configMap("a"), "base/b.yaml", configMap("b")));
    }

    @AfterEach
    void close() {
        caches.forEach(RepositoryCache::close);
        repo.close();
    }

    private RepositoryCache cache(RepositoryCache.Builder builder) {
        RepositoryCache cache = builder.build();
        caches.add(cache);
        return cache;
    }

    private GitSource source(RepositoryCache cache) {
        return GitSource.builder().uri(repo.fileUri()).repositoryCache(cache).build();
    }

    private static DesiredState fullLoad(RepositoryCache cache, GitRepoFixture repo, String sha) {
        try (GitSource fresh = GitSource.builder().uri(repo.fileUri()).repositoryCache(cache).build()) {
            return fresh.load(Revision.of(sha));
        }
    }

    @Test
    void packCountStaysBoundedOverManyCommitsAndEveryLoadIsCorrect() {
        RepositoryCache cache = cache(RepositoryCache.builder(temp.resolve("cache")).packCompactionThreshold(8));
        int compactions = 0;
        try (GitSource source = source(cache)) {
            source.load();
            for (int i = 0; i < 60; i++) {
                String sha = repo.commit(Map.of("apps/cm-" + (i % 7) + ".yaml", configMap("cm-" + (i % 7), "v" + i)));
                int before = PackCompaction.packCount(source.cloneDirectory());

                DesiredState state = source.load();

                int after = PackCompaction.packCount(source.cloneDirectory());
                compactions += after < before ? 1 : 0;
                assertThat(state.revision().id()).isEqualTo(sha);
                assertThat(state.size()).isEqualTo(2 + Math.min(i + 1, 7));
                assertThat(after).as("packs after commit %d", i).isLessThanOrEqualTo(8);
                if (i % 20 == 19) {
                    SharedCloneRepository.assertSameAsFullLoad(state, fullLoad(cache, repo, sha), sha);
                }
            }
        }
        assertThat(compactions).as("compactions").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aLoadedCommitForcePushedAwayStillLoadsAfterCompactionWhileAnUnloadedOneIsPruned() throws Exception {
        RepositoryCache cache = cache(RepositoryCache.builder(temp.resolve("cache")).packCompactionThreshold(2)
                .collector(repository -> PackCompaction.collectGarbage(repository, Duration.ZERO)));
        try (GitSource source = source(cache)) {
            String base = source.load().revision().id();
            String doomed = repo.commit(Map.of("doomed.yaml", configMap("doomed")));
            DesiredState loaded = source.load();
            String neverLoaded = repo.commit(Map.of("skipped.yaml", configMap("skipped")));
            assertThat(source.latestRevisionId()).isEqualTo(neverLoaded);

            repo.branch(MAIN, base);
            pruneOrigin();
            assertThat(originHas(doomed)).as("origin still has the force-pushed-away commit").isFalse();
            String last = null;
            for (int i = 0; i < 6; i++) {
                last = repo.commit(Map.of("after-" + i + ".yaml", configMap("after-" + i)));
                source.load();
            }
            assertThat(PackCompaction.packCount(source.cloneDirectory())).isLessThanOrEqualTo(2);
            assertThat(cloneHas(source.cloneDirectory(), neverLoaded)).as("unloaded commit pruned").isFalse();

            DesiredState rollback = source.load(loaded.revision());

            assertThat(rollback.revision()).isEqualTo(loaded.revision());
            assertThat(names(rollback)).containsExactly("a", "b", "doomed");
            assertThat(names(source.load(Revision.of(last)))).doesNotContain("doomed", "skipped");
        }
    }

    @Test
    void keepsARefForEachOfTheMostRecentlyLoadedCommitsOnly() throws Exception {
        RepositoryCache cache = cache(RepositoryCache.builder(temp.resolve("cache")).keptLoadedCommits(3));
        List<String> shas = new ArrayList<>();
        try (GitSource source = source(cache)) {
            shas.add(source.load().revision().id());
            for (int i = 0; i < 4; i++) {
                shas.add(repo.commit(Map.of("c-" + i + ".yaml", configMap("c-" + i))));
                source.load();
            }
            source.load(Revision.of(shas.get(1)));

            assertThat(loadedRefs(source.cloneDirectory())).containsExactlyInAnyOrder(
                    shas.get(1), shas.get(3), shas.get(4));
        }
    }

    @Test
    void aReopenedCacheDropsTheOldestLoadedCommitFirst() throws Exception {
        Path folder = temp.resolve("cache");
        String first;
        String second;
        try (RepositoryCache before = RepositoryCache.builder(folder).keptLoadedCommits(2).build();
                GitSource source = source(before)) {
            first = source.load().revision().id();
            second = repo.commit(Map.of("second.yaml", configMap("second")));
            source.load();
        }
        String third = repo.commit(Map.of("third.yaml", configMap("third")));

        try (GitSource source = source(cache(RepositoryCache.builder(folder).keptLoadedCommits(2)))) {
            source.load();

            assertThat(loadedRefs(source.cloneDirectory())).doesNotContain(first)
                    .containsExactlyInAnyOrder(second, third);
        }
    }

    @Test
    void rejectsAThresholdOrALimitBelowOne() {
        RepositoryCache.Builder builder = RepositoryCache.builder(temp.resolve("cache"));

        assertThatThrownBy(() -> builder.packCompactionThreshold(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("packCompactionThreshold");
        assertThatThrownBy(() -> builder.keptLoadedCommits(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keptLoadedCommits");
    }

    @Test
    void aLoadWaitingForACompactionSeesAConsistentClone() throws Exception {
        CountDownLatch compacting = new CountDownLatch(1);
        AtomicInteger compactions = new AtomicInteger();
        RepositoryCache cache = cache(RepositoryCache.builder(temp.resolve("cache")).packCompactionThreshold(3)
                .collector(repository -> {
                    compactions.incrementAndGet();
                    compacting.countDown();
                    PackCompaction.collectGarbage(repository, PackCompaction.UNREACHABLE_GRACE);
                }));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (GitSource poller = source(cache); GitSource rollback = source(cache)) {
            String first = poller.load().revision().id();
            DesiredState expected = rollback.load(Revision.of(first));
            List<String> commits = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                commits.add(repo.commit(Map.of("p-" + i + ".yaml", configMap("p-" + i))));
                if (i < 2) {
                    poller.load();
                }
            }
            assertThat(compactions).hasValue(0);

            Future<DesiredState> polled = threads.submit(() -> poller.load());
            assertThat(compacting.await(30, TimeUnit.SECONDS)).as("compaction started").isTrue();
            Future<DesiredState> rolledBack = threads.submit(() -> fullLoad(cache, repo, first));

            assertThat(polled.get(60, TimeUnit.SECONDS).revision().id()).isEqualTo(commits.get(2));
            DesiredState during = rolledBack.get(60, TimeUnit.SECONDS);
            SharedCloneRepository.assertSameAsFullLoad(during, expected, first);
            assertThat(compactions).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentLoadsAcrossManyCompactionsAreAllCorrect() throws Exception {
        RepositoryCache cache = cache(RepositoryCache.builder(temp.resolve("cache")).packCompactionThreshold(2));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (GitSource poller = source(cache); GitSource reader = source(cache)) {
            List<String> shas = new ArrayList<>();
            shas.add(poller.load().revision().id());
            for (int i = 0; i < 12; i++) {
                String sha = repo.commit(Map.of("q-" + i + ".yaml", configMap("q-" + i)));
                shas.add(sha);
                String older = shas.get(i);
                int expectedOlder = 2 + i;
                Future<DesiredState> polled = threads.submit(() -> poller.load());
                Future<DesiredState> read = threads.submit(() -> reader.load(Revision.of(older)));

                assertThat(polled.get(60, TimeUnit.SECONDS).revision().id()).isEqualTo(sha);
                DesiredState readState = read.get(60, TimeUnit.SECONDS);
                assertThat(readState.revision().id()).isEqualTo(older);
                assertThat(readState.size()).isEqualTo(expectedOlder);
            }
            assertThat(PackCompaction.packCount(poller.cloneDirectory())).isLessThanOrEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedCompactionIsLoggedAndTheLoadSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        RepositoryCache cache = cache(RepositoryCache.builder(temp.resolve("cache")).packCompactionThreshold(2)
                .collector(repository -> {
                    attempts.incrementAndGet();
                    throw new IOException("disk full");
                }));
        try (GitSource source = source(cache)) {
            source.load();
            String last = null;
            for (int i = 0; i < 4; i++) {
                last = repo.commit(Map.of("f-" + i + ".yaml", configMap("f-" + i)));
                assertThat(source.load().revision().id()).isEqualTo(last);
            }
            assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
            assertThat(PackCompaction.packCount(source.cloneDirectory())).isGreaterThan(2);
            assertThat(names(source.load(Revision.of(last)))).contains("f-3");
        }
    }

    @Test
    void aShallowCloneIsCompactedAndStillLoads() {
        RepositoryCache cache = cache(RepositoryCache.builder(temp.resolve("cache")).packCompactionThreshold(2));
        try (GitSource source = GitSource.builder().uri(repo.fileUri()).shallow(true).repositoryCache(cache)
                .build()) {
            source.load();
            for (int i = 0; i < 6; i++) {
                String sha = repo.commit(Map.of("s-" + i + ".yaml", configMap("s-" + i)));
                DesiredState state = source.load();
                assertThat(state.revision().id()).isEqualTo(sha);
                assertThat(state.size()).isEqualTo(3 + i);
            }
            assertThat(PackCompaction.packCount(source.cloneDirectory())).isLessThanOrEqualTo(2);
        }
    }

    private List<String> loadedRefs(Path clone) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(clone.toFile()).setBare().build()) {
            return repository.getRefDatabase().getRefsByPrefix(LoadedCommitRefs.PREFIX).stream()
                    .map(Ref::getName).map(name -> name.substring(LoadedCommitRefs.PREFIX.length())).toList();
        }
    }

    private static boolean cloneHas(Path clone, String sha) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(clone.toFile()).setBare().build()) {
            return repository.getObjectDatabase().has(ObjectId.fromString(sha));
        }
    }

    private void pruneOrigin() throws Exception {
        git("reflog", "expire", "--expire=now", "--all");
        git("gc", "--prune=now", "--quiet");
    }

    private boolean originHas(String sha) throws Exception {
        return git("cat-file", "-e", sha + "^{commit}") == 0;
    }

    private int git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.directory().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("git %s finished", List.of(args)).isTrue();
        return process.exitValue();
    }
}
