package io.gitops4j.kustomize;

import io.gitops4j.ManifestException;
import io.gitops4j.render.SourceTree;
import io.gitops4j.render.TreeEntry;

/**
 * Reads what a kustomization names from the repository tree, with the build's rules: paths stay inside the
 * repository root, symbolic links and submodules are refused, a missing path is an error naming the kustomization
 * file, the field and the path. Thread-safe when the tree is.
 */
final class TreeReader {
    private final SourceTree tree;

    TreeReader(SourceTree tree) {
        this.tree = tree;
    }

    SourceTree tree() {
        return tree;
    }

    /**
     * Resolves a path a kustomization names.
     *
     * @throws ManifestException when it is absolute or leaves the repository root
     */
    String resolve(KustomizationFile kustomization, String field, String relative) {
        String path = TreePaths.resolve(kustomization.folder(), relative);
        if (path == null) {
            throw kustomization.error(field, "path '" + relative + "' leaves the repository root; a kustomization "
                    + "may only name files and folders inside the repository");
        }
        return path;
    }

    /**
     * Looks up a path a kustomization names: a file or a folder.
     *
     * @throws ManifestException when it leaves the root, is missing, or is a symbolic link or submodule
     */
    TreeEntry entry(KustomizationFile kustomization, String field, String relative) {
        String path = resolve(kustomization, field, relative);
        TreeEntry entry = tree.entry(path).orElseThrow(() -> kustomization.error(field, "'" + relative
                + "' does not exist (looked for " + (path.isEmpty() ? "the repository root" : path) + " in "
                + tree.describe() + ")"));
        if (entry.type() == TreeEntry.Type.SYMLINK) {
            throw kustomization.error(field, "'" + relative + "' is a symbolic link; links are never followed, "
                    + "name the file or folder it points to");
        }
        if (entry.type() == TreeEntry.Type.SUBMODULE) {
            throw kustomization.error(field, "'" + relative + "' is a Git submodule, whose content is not in this "
                    + "repository");
        }
        return entry;
    }

    /**
     * Reads a file a kustomization names.
     *
     * @throws ManifestException when it leaves the root, is missing, or is not a regular file
     */
    byte[] file(KustomizationFile kustomization, String field, String relative) {
        TreeEntry entry = entry(kustomization, field, relative);
        if (!entry.isFile()) {
            throw kustomization.error(field, "'" + relative + "' is a folder; a file is expected here");
        }
        return tree.read(entry.path());
    }
}
