package io.gitops4j.bench.render;

import io.gitops4j.kustomize.KustomizeRenderer;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.render.FolderTree;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.RenderSettings;
import io.gitops4j.render.Rendered;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * Renders the {@value Overlay#RESOURCES}-resource overlay in a temporary folder with the native renderer (and
 * parses its output into resources) beside {@code kubectl kustomize} run as a process (and its output parsed with
 * the same loader), in the same run. The peer needs {@code kubectl} on the PATH; without it that benchmark fails
 * its setup and the native one still runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KustomizeRenderBenchmark {
    private Path root;
    private final KustomizeRenderer renderer = new KustomizeRenderer();

    /** Writes the overlay. */
    @Setup(Level.Trial)
    public void create() throws IOException {
        root = Files.createTempDirectory("gitops4j-bench-kustomize-");
        for (Map.Entry<String, String> file : Overlay.files().entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Deletes the overlay. */
    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The native renderer on the folder. */
    @Benchmark
    public Rendered nativeRender() {
        Rendered out = renderer.render(new RenderRequest(FolderTree.of(root), "overlays/prod",
                RenderSettings.defaults(), ManifestLoader.defaults()));
        RenderCacheBenchmark.require(out.resources().size() == Overlay.RESOURCES, "rendered " + out.resources().size());
        return out;
    }

    /** {@code kubectl kustomize overlays/prod}, its output parsed by the same loader. */
    @Benchmark
    public List<?> kubectlKustomize() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", root.resolve("overlays/prod").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        RenderCacheBenchmark.require(process.waitFor() == 0, "kubectl kustomize failed (is kubectl on the PATH?)");
        List<?> resources = ManifestLoader.defaults().parse("kubectl-kustomize.yaml", output);
        RenderCacheBenchmark.require(resources.size() == Overlay.RESOURCES, "rendered " + resources.size());
        return resources;
    }
}
