package io.gitops4j.bench.render;

import io.gitops4j.git.GitSource;
import io.gitops4j.kustomize.KustomizeRenderer;
import io.gitops4j.model.DesiredState;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * A Git source on a Kustomize overlay of {@value Overlay#RESOURCES} resources in a monorepo, loading a new commit:
 * {@code noChangeCommit} loads a commit that changed another folder (fetch, resolve, compare what the last render
 * read: no render), {@code changedCommit} one that changed a file of the base (fetch, resolve, render). The ratio is
 * what the render cache saves on a monorepo's commits that are not the application's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RenderCacheBenchmark {
    private GitRepoFixture repo;
    private Path cache;
    private GitSource source;
    private int change;

    /** Commits the overlay and a folder of another team, and loads once. */
    @Setup(Level.Trial)
    public void create() throws IOException {
        repo = GitRepoFixture.create();
        Map<String, String> files = new HashMap<>(Overlay.files());
        files.put("other/app.yaml", Overlay.app("other", 1));
        repo.commit(files);
        cache = Files.createTempDirectory("gitops4j-bench-render-");
        source = GitSource.builder().uri(repo.fileUri()).path("overlays/prod").cacheDirectory(cache)
                .renderer(new KustomizeRenderer()).build();
        require(source.load().size() == Overlay.RESOURCES, "the overlay renders " + Overlay.RESOURCES);
    }

    /** Before each call, commits to the other folder or to the base. */
    @Setup(Level.Invocation)
    public void commit(org.openjdk.jmh.infra.BenchmarkParams params) {
        change++;
        if (params.getBenchmark().endsWith("noChangeCommit")) {
            repo.commit(Map.of("other/app.yaml", Overlay.app("other", 1 + change % 3)));
        } else {
            repo.commit(Map.of("base/app-0.yaml", Overlay.app("app-0", 1 + change % 3)));
        }
    }

    /** Closes the source and deletes the repository and the cache. */
    @TearDown(Level.Trial)
    public void close() {
        source.close();
        repo.close();
    }

    /** A commit to another folder: no render. */
    @Benchmark
    public DesiredState noChangeCommit() {
        return source.load();
    }

    /** A commit to the overlay's base: a full native render. */
    @Benchmark
    public DesiredState changedCommit() {
        return source.load();
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
