package io.gitops4j.git;

import io.gitops4j.source.SourceException;
import java.io.IOException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the manifest files under a folder of one commit straight from the tree objects (no working tree), as blob
 * ids, and reads the blobs asked for.
 *
 * <p>Symbolic links and submodule entries are skipped with a warning and never followed: a link's target is
 * either outside the repository (unsafe) or another file of the tree (read from its real path anyway), and a
 * submodule's content lives in another repository. Every path is checked to be normal and inside the repository.
 * A file over the size limit or more files than the file limit is a {@link SourceException}.
 */
final class TreeReader {
    private static final Logger LOG = LoggerFactory.getLogger(TreeReader.class);

    private final ReadSettings settings;
    private final Predicate<String> isManifest;

    TreeReader(ReadSettings settings, Predicate<String> isManifest) {
        this.settings = settings;
        this.isManifest = isManifest;
    }

    /**
     * Returns repository path → blob id of every selected manifest under the configured path of {@code commit},
     * reading tree objects only (and the ignore file); enforces the file count limit and refuses unsafe paths.
     */
    SortedMap<String, ObjectId> list(ObjectReader reader, RevCommit commit, String where) throws IOException {
        ObjectId folder = folderTree(reader, commit, where);
        PathRules rules = rulesFor(reader, folder, where);
        return walk(reader, folder, rules, commit, where);
    }

    private ObjectId folderTree(ObjectReader reader, RevCommit commit, String where) throws IOException {
        String base = settings.path();
        if (base.isEmpty()) {
            return commit.getTree();
        }
        try (TreeWalk walk = TreeWalk.forPath(reader, base, commit.getTree())) {
            if (walk == null) {
                throw new SourceException("path '" + base + "' does not exist at commit " + commit.name() + " of "
                        + where + "; check the source's path");
            }
            if ((walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_TREE) {
                throw new SourceException("path '" + base + "' at commit " + commit.name() + " of " + where
                        + " is not a folder; the source's path must name a folder");
            }
            return walk.getObjectId(0);
        }
    }

    private PathRules rulesFor(ObjectReader reader, ObjectId folder, String where) throws IOException {
        PathRules rules = settings.rules();
        if (settings.ignoreFile() == null) {
            return rules;
        }
        try (TreeWalk walk = TreeWalk.forPath(reader, settings.ignoreFile(), folder)) {
            if (walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                return rules;
            }
            String path = RepoPaths.join(settings.path(), settings.ignoreFile());
            return rules.withIgnoreFile(readBlob(reader, walk.getObjectId(0), path, where));
        }
    }

    private SortedMap<String, ObjectId> walk(ObjectReader reader, ObjectId folder, PathRules rules, RevCommit commit,
            String where) throws IOException {
        SortedMap<String, ObjectId> files = new TreeMap<>();
        int fileCount = 0;
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(folder);
            walk.setRecursive(false);
            while (walk.next()) {
                String relative = walk.getPathString();
                String path = RepoPaths.join(settings.path(), relative);
                if (!RepoPaths.isSafeTreePath(relative)) {
                    throw new SourceException("commit " + commit.name() + " of " + where + " has an unsafe path '"
                            + path + "' (a '..', '.git' or empty segment); nothing was loaded");
                }
                int type = walk.getRawMode(0) & FileMode.TYPE_MASK;
                if (type == FileMode.TYPE_TREE) {
                    if (!rules.isFolderExcluded(relative)) {
                        walk.enterSubtree();
                    }
                } else if (type == FileMode.TYPE_SYMLINK || type == FileMode.TYPE_GITLINK) {
                    if (rules.isFileSelected(relative)) {
                        LOG.warn("Skipping {} '{}' at commit {} of {}: links and submodules are never followed",
                                type == FileMode.TYPE_SYMLINK ? "symbolic link" : "submodule", path, commit.name(), where);
                    }
                } else if (rules.isFileSelected(relative)) {
                    fileCount++;
                    if (fileCount > settings.maxFiles()) {
                        throw new SourceException("commit " + commit.name() + " of " + where + " has more than "
                                + settings.maxFiles() + " files under '" + settings.path() + "'; narrow the path or"
                                + " the include patterns, or raise the source's maxFiles limit");
                    }
                    if (isManifest.test(path)) {
                        files.put(path, walk.getObjectId(0));
                    }
                }
            }
        }
        return files;
    }

    /** Returns the content of one blob at {@code path}; a blob over the file size limit is a {@link SourceException}. */
    byte[] readBlob(ObjectReader reader, ObjectId blob, String path, String where) throws IOException {
        long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
        if (size > settings.maxFileSize()) {
            throw new SourceException("file '" + path + "' of " + where + " is " + size + " bytes, over the limit of "
                    + settings.maxFileSize() + " bytes; shrink or exclude it, or raise the source's maxFileSize");
        }
        return reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
    }
}
