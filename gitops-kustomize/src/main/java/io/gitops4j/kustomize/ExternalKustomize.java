package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.ManifestException;
import io.gitops4j.SourceException;
import io.gitops4j.model.Provenance;
import io.gitops4j.model.Resource;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.SourceTree;
import io.gitops4j.render.TreeEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders with an external {@code kustomize} ({@code kustomize build}) or {@code kubectl} ({@code kubectl kustomize})
 * binary, for kustomizations the native renderer does not support: the tree is written to a temporary folder
 * (regular files only, links and submodules left out), the binary runs on the application's folder with a time
 * limit, and its output is parsed by the request's manifest loader. Remote bases are refused before the binary runs
 * unless the settings allow them. Stateless.
 */
final class ExternalKustomize {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalKustomize.class);
    private static final long TIMEOUT_SECONDS = 120;

    private ExternalKustomize() {
    }

    /**
     * Renders the request's folder with the binary.
     *
     * @param request the render request
     * @param binary the binary
     * @param reason why the native renderer handed over, for logs
     * @return the resources, in the binary's output order
     * @throws SourceException when the binary fails or times out
     */
    static List<Resource> render(RenderRequest request, Path binary, UnsupportedKustomizeField reason) {
        if (!request.settings().remoteBases()) {
            refuseRemoteBases(request.tree(), request.folder(), new HashSet<>());
        }
        LOG.info("rendering {} of {} with {}: {}", request.folder(), request.tree().describe(), binary,
                reason.getMessage());
        Path work = null;
        try {
            work = Files.createTempDirectory("gitops4j-kustomize");
            copy(request.tree(), "", work, request.loader().maxFileBytes());
            Path folder = request.folder().isEmpty() ? work : work.resolve(request.folder());
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            boolean kubectl = binary.getFileName().toString().startsWith("kubectl");
            command.add(kubectl ? "kustomize" : "build");
            command.add(folder.toString());
            Path out = work.resolveSibling(work.getFileName() + ".out");
            Path err = work.resolveSibling(work.getFileName() + ".err");
            try {
                Process process = new ProcessBuilder(command).directory(work.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new SourceException(binary + " did not finish rendering '" + request.folder() + "' within "
                            + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    String message = Files.readString(err, StandardCharsets.UTF_8).strip();
                    throw new SourceException(binary + " failed to render '" + request.folder() + "' of "
                            + request.tree().describe() + " (exit " + process.exitValue() + "): "
                            + message.substring(0, Math.min(2000, message.length())));
                }
                String name = TreePaths.child(request.folder(), "(" + binary.getFileName() + " output)");
                return request.loader().parse(name, Files.readAllBytes(out));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new SourceException("cannot run " + binary + " on '" + request.folder() + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while " + binary + " rendered '" + request.folder() + "'", e);
        } finally {
            delete(work);
        }
    }

    private static void copy(SourceTree tree, String folder, Path target, long maxBytes) throws IOException {
        for (TreeEntry entry : tree.list(folder)) {
            Path path = target.resolve(entry.name());
            if (entry.isFolder()) {
                Files.createDirectories(path);
                copy(tree, entry.path(), path, maxBytes);
            } else if (entry.isFile()) {
                Files.write(path, tree.read(entry.path()));
            }
        }
    }

    private static void refuseRemoteBases(SourceTree tree, String folder, Set<String> seen) {
        if (!seen.add(folder)) {
            return;
        }
        for (String name : KustomizationFile.FILE_NAMES) {
            String path = TreePaths.child(folder, name);
            if (tree.entry(path).map(TreeEntry::isFile).orElse(false)) {
                for (YamlDocuments.Document document : YamlDocuments.parse(path, tree.read(path))) {
                    for (String field : List.of("resources", "bases", "components")) {
                        for (JsonNode entry : document.tree().path(field)) {
                            check(tree, folder, path, field, entry.asText(""), seen);
                        }
                    }
                }
            }
        }
    }

    private static void check(SourceTree tree, String folder, String file, String field, String entry,
            Set<String> seen) {
        if (TreePaths.isRemote(entry)) {
            throw new ManifestException(Provenance.of(file, -1, -1), "field '" + field + "': '" + entry
                    + "' is a remote base; remote bases are off (a build reads only this repository)");
        }
        String path = TreePaths.resolve(folder, entry);
        if (path != null && tree.entry(path).map(TreeEntry::isFolder).orElse(false)) {
            refuseRemoteBases(tree, path, seen);
        }
    }

    private static void delete(Path work) {
        if (work == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot remove the temporary folder {}: {}", work, e.getMessage());
        }
    }
}
