package io.gitops4j.helm;

import io.gitops4j.SourceException;
import io.gitops4j.render.SourceTree;
import io.gitops4j.render.TreeEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Copies a chart folder (with its vendored {@code charts/}) out of a {@link SourceTree} into a private folder on
 * disk, where Helm reads it. Symbolic links are refused (never followed, and Helm would follow them); submodules are
 * refused (their content is in another repository). Stateless.
 */
final class ChartFolder {
    private ChartFolder() {
    }

    /** Copies {@code folder} of {@code tree} into the new folder {@code target}. */
    static void copy(SourceTree tree, String folder, Path target) throws IOException {
        Files.createDirectories(target);
        for (TreeEntry entry : tree.list(folder)) {
            Path destination = target.resolve(entry.name());
            switch (entry.type()) {
                case FOLDER -> copy(tree, entry.path(), destination);
                case FILE -> Files.write(destination, tree.read(entry.path()));
                default -> throw new SourceException("'" + entry.path() + "' in chart folder '" + folder + "' of "
                        + tree.describe() + " is a " + entry.type().name().toLowerCase(java.util.Locale.ROOT)
                        + "; a chart is rendered from its own files only: replace it by what it points to");
            }
        }
    }

    /**
     * Resolves a path given relative to the chart folder (a values file), {@code ../} allowed while it stays inside
     * the repository.
     */
    static String resolve(String folder, String relative, SourceTree tree) {
        Deque<String> segments = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            segments.addAll(java.util.List.of(folder.split("/")));
        }
        for (String segment : relative.split("/")) {
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    throw new SourceException("values file '" + relative + "' of chart folder '" + folder
                            + "' points outside " + tree.describe());
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    /** Deletes a folder and everything in it; failures are left for the temporary folder's cleaner. */
    static void delete(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a private temporary folder
        }
    }
}
