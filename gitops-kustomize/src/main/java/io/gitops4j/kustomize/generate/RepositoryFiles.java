package io.gitops4j.kustomize.generate;

import io.gitops4j.ManifestException;
import io.gitops4j.SourceException;
import io.gitops4j.model.Provenance;
import io.gitops4j.render.SourceTree;
import io.gitops4j.render.TreeEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads the files a generator names, relative to the kustomization's folder, refusing paths that leave the
 * repository root, symbolic links (at the path or on the way to it) and anything that is not a regular file.
 */
final class RepositoryFiles {
    private final SourceTree tree;
    private final String folder;
    private final Provenance where;

    RepositoryFiles(SourceTree tree, String folder, Provenance where) {
        this.tree = tree;
        this.folder = folder;
        this.where = where;
    }

    /**
     * Reads a file.
     *
     * @param path the path as written in the kustomization
     * @param field the field that names it, e.g. {@code configMapGenerator[0].files[1]}
     * @return the bytes
     * @throws ManifestException when the path is unsafe, missing or not a file
     */
    byte[] read(String path, String field) {
        String resolved = resolve(path, field);
        String prefix = "";
        for (String segment : resolved.split("/")) {
            prefix = prefix.isEmpty() ? segment : prefix + "/" + segment;
            Optional<TreeEntry> entry = entry(prefix, field);
            if (entry.isEmpty()) {
                throw new ManifestException(where, field + ": file '" + path + "' (" + resolved
                        + ") does not exist");
            }
            if (entry.get().type() == TreeEntry.Type.SYMLINK) {
                throw new ManifestException(where, field + ": '" + prefix + "' is a symbolic link; links are "
                        + "never followed, name the file itself");
            }
        }
        TreeEntry entry = entry(resolved, field).orElseThrow();
        if (!entry.isFile()) {
            throw new ManifestException(where, field + ": '" + path + "' is a "
                    + entry.type().name().toLowerCase(java.util.Locale.ROOT) + ", not a file");
        }
        try {
            return tree.read(resolved);
        } catch (SourceException e) {
            throw new ManifestException(where, field + ": cannot read '" + path + "': " + e.getMessage(), e);
        }
    }

    private Optional<TreeEntry> entry(String path, String field) {
        try {
            return tree.entry(path);
        } catch (SourceException e) {
            throw new ManifestException(where, field + ": cannot look up '" + path + "': " + e.getMessage(), e);
        }
    }

    private String resolve(String path, String field) {
        if (path.isEmpty()) {
            throw new ManifestException(where, field + ": the file path is empty");
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:[\\\\/].*")) {
            throw new ManifestException(where, field + ": '" + path + "' is absolute; name a file inside the "
                    + "repository, relative to the kustomization");
        }
        Deque<String> segments = new ArrayDeque<>();
        String joined = folder.isEmpty() ? path : folder + "/" + path;
        for (String segment : joined.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new ManifestException(where, field + ": '" + path + "' leaves the repository root");
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new ManifestException(where, field + ": '" + path + "' is the repository root, not a file");
        }
        return String.join("/", segments);
    }
}
