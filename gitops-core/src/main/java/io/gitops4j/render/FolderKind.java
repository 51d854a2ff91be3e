package io.gitops4j.render;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how a folder renders from its listing alone, before any file is read or parsed: a Kustomize file (names
 * exact-case as Kustomize looks for them: {@code kustomization.yaml}, {@code kustomization.yml},
 * {@code Kustomization}) means {@link RenderMode#KUSTOMIZE}; a {@code Chart.yaml} means {@link RenderMode#HELM};
 * anything else {@link RenderMode#PLAIN}.
 */
public final class FolderKind {
    /** The file names Kustomize recognises as a kustomization, in the order it looks for them. */
    public static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml",
            "Kustomization");

    /** The file that makes a folder a Helm chart. */
    public static final String CHART_FILE = "Chart.yaml";

    private static final Set<String> KUSTOMIZATION_NAMES = Set.copyOf(KUSTOMIZATION_FILES);

    private FolderKind() {
    }

    /**
     * Detects how a folder renders from its listing.
     *
     * @param tree the tree
     * @param folder the folder's path
     * @return {@link RenderMode#KUSTOMIZE}, {@link RenderMode#HELM} or {@link RenderMode#PLAIN}
     * @throws io.gitops4j.SourceException when the folder cannot be listed
     */
    public static RenderMode detect(SourceTree tree, String folder) {
        boolean chart = false;
        for (TreeEntry entry : tree.list(folder)) {
            if (entry.isFile() && KUSTOMIZATION_NAMES.contains(entry.name())) {
                return RenderMode.KUSTOMIZE;
            }
            chart |= entry.isFile() && entry.name().equals(CHART_FILE);
        }
        return chart ? RenderMode.HELM : RenderMode.PLAIN;
    }

    /**
     * Returns the mode settings ask for, detecting it for {@link RenderMode#AUTO}.
     *
     * @param configured the configured mode
     * @param tree the tree
     * @param folder the folder
     * @return the mode to render with, never {@link RenderMode#AUTO}
     */
    public static RenderMode resolve(RenderMode configured, SourceTree tree, String folder) {
        return configured == RenderMode.AUTO ? detect(tree, folder) : configured;
    }

    /**
     * Returns the path of the folder's kustomization file, the first Kustomize looks for.
     *
     * @param tree the tree
     * @param folder the folder
     * @return the file's path, or empty when the folder has none
     */
    public static Optional<String> kustomizationFile(SourceTree tree, String folder) {
        for (String name : KUSTOMIZATION_FILES) {
            String path = folder.isEmpty() ? name : folder + "/" + name;
            Optional<TreeEntry> entry = tree.entry(path);
            if (entry.isPresent() && entry.get().isFile()) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
