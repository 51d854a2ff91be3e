package io.gitops4j.bench.git;

import io.gitops4j.git.GitSource;
import io.gitops4j.git.RepositoryCache;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Initial load and no-change refresh of {@link BenchRepository} through {@link GitSource}, beside the command-line
 * path: {@code git clone} into a fresh folder, then reading and parsing the same files with the same
 * {@link ManifestLoader}. Both sides clone over {@code file://} and parse every manifest, so the ratio compares
 * like with like. Also a new commit that changed one file, loaded by the source that loaded the previous one
 * (parsing only that file) beside a full load of the same commit from the same warm clone.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GitSourceBenchmark {

    /** A fresh, empty folder per invocation (a cold cache / clone target). */
    @State(Scope.Thread)
    public static class FreshFolder {
        Path directory;

        /** Creates the folder. */
        @Setup(Level.Invocation)
        public void create() throws IOException {
            directory = Files.createTempDirectory("gitops4j-bench-");
        }

        /** Deletes the folder. */
        @TearDown(Level.Invocation)
        public void delete() {
            deleteRecursively(directory);
        }
    }

    /** A source that has loaded the repository once (a warm cache). */
    @State(Scope.Thread)
    public static class WarmSource {
        Path cache;
        GitSource source;
        String loaded;

        /** Clones and loads once. */
        @Setup(Level.Trial)
        public void load(BenchRepository repository) throws IOException {
            cache = Files.createTempDirectory("gitops4j-bench-warm-");
            source = GitSource.builder().uri(repository.uri).cacheDirectory(cache).build();
            loaded = source.load().revision().id();
        }

        /** Closes and deletes the cache. */
        @TearDown(Level.Trial)
        public void close() {
            source.close();
            deleteRecursively(cache);
        }
    }

    /**
     * A source that has loaded the repository (a warm cache) and, before each invocation, a new commit on
     * {@code main} that changes one file; the source has never loaded that commit. Every fetch adds a pack file to
     * the clone; the cache compacts it above {@link RepositoryCache#DEFAULT_PACK_COMPACTION_THRESHOLD} packs
     * (system property {@code gitops4j.bench.packCompactionThreshold} overrides it, e.g. {@code 2147483647} to
     * watch a clone that is never compacted slow down from one iteration to the next).
     */
    @State(Scope.Thread)
    public static class NewCommit {
        Path cache;
        RepositoryCache repositories;
        GitSource source;
        String commit;
        private int changes;

        /** Clones and loads once. */
        @Setup(Level.Trial)
        public void load(BenchRepository repository) throws IOException {
            cache = Files.createTempDirectory("gitops4j-bench-new-commit-");
            repositories = RepositoryCache.builder(cache).packCompactionThreshold(Integer.getInteger(
                    "gitops4j.bench.packCompactionThreshold", RepositoryCache.DEFAULT_PACK_COMPACTION_THRESHOLD))
                    .build();
            source = GitSource.builder().uri(repository.uri).repositoryCache(repositories).build();
            source.load();
        }

        /** Commits a change to one file. */
        @Setup(Level.Invocation)
        public void commit(BenchRepository repository) {
            commit = repository.commitOneFileChange(changes++);
        }

        /** Closes and deletes the cache. */
        @TearDown(Level.Trial)
        public void close() {
            source.close();
            repositories.close();
            deleteRecursively(cache);
        }
    }

    /** Cold start: clone into an empty cache, resolve {@code main}, read and parse 5,000 manifests. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public DesiredState initialLoad(BenchRepository repository, FreshFolder folder) {
        try (GitSource source = GitSource.builder().uri(repository.uri).cacheDirectory(folder.directory).build()) {
            DesiredState state = source.load();
            require(state.size() == BenchRepository.FILES, "loaded " + state.size());
            return state;
        }
    }

    /** The command-line path: {@code git clone}, then read every file from the checkout and parse it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public DesiredState cliCloneAndLoad(BenchRepository repository, FreshFolder folder) throws Exception {
        Path checkout = folder.directory.resolve("checkout");
        Process clone = new ProcessBuilder("git", "clone", "-q", repository.uri, checkout.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        require(clone.waitFor() == 0, "git clone failed");
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(checkout.resolve("apps"))) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(checkout.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        String sha = new String(Files.readAllBytes(checkout.resolve(".git/refs/heads/main"))).trim();
        DesiredState state = ManifestLoader.defaults().load(sha, files);
        require(state.size() == BenchRepository.FILES, "loaded " + state.size());
        return state;
    }

    /** What a loop does when nothing changed: fetch, resolve the ref, compare with the loaded commit. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public boolean noChangeRefresh(WarmSource warm) {
        boolean changed = !warm.source.latestRevisionId().equals(warm.loaded);
        require(!changed, "the revision changed");
        return changed;
    }

    /** A full reload of an unchanged repository from a warm cache (fetch, read and parse again). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public DesiredState warmReload(WarmSource warm) {
        return warm.source.load();
    }

    /**
     * A new commit that changed one file of 5,000: fetch it, list the tree, parse the changed file and reuse the
     * parsed resources of the 4,999 others.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public DesiredState newCommitOneFileChanged(NewCommit fresh) {
        DesiredState state = fresh.source.load();
        require(state.revision().id().equals(fresh.commit), "loaded " + state.revision().id());
        return state;
    }

    /**
     * The peer of {@link #newCommitOneFileChanged}: the same new commit loaded in full (fetch into the same warm
     * clone, then read and parse all 5,000 files) by a source that has loaded nothing before.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public DesiredState newCommitFullLoad(BenchRepository repository, NewCommit fresh) {
        try (GitSource source = GitSource.builder().uri(repository.uri).repositoryCache(fresh.repositories).build()) {
            DesiredState state = source.load();
            require(state.revision().id().equals(fresh.commit) && state.size() == BenchRepository.FILES,
                    "loaded " + state.revision().id());
            return state;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
