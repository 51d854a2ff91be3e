package io.gitops4j.git;

import io.gitops4j.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
 * <p>Symbolic links are never followed. A selected link named like a manifest, or one whose target is a folder of
 * the commit, another link or outside the repository, is a {@link SourceException} naming it: skipping it would
 * make what it stands for look deleted, and the engine would prune it. A link to another file (a README) is skipped
 * with a warning, as that file is read from its real path anyway. Submodule entries are skipped with a warning:
 * their content lives in another repository. Every path is checked to be normal and inside the repository. A file
 * over the size limit or more files than the file limit is a {@link SourceException}.
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
                } else if (type == FileMode.TYPE_SYMLINK) {
                    checkLink(reader, commit, walk.getObjectId(0), relative, rules, where);
                } else if (type == FileMode.TYPE_GITLINK) {
                    if (rules.isFileSelected(relative)) {
                        LOG.warn("Skipping submodule '{}' at commit {} of {}: submodules are never followed", path,
                                commit.name(), where);
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

    /**
     * Refuses a selected symbolic link that stands for manifests (one named like a manifest, or one to a folder, to
     * another link or out of the repository); skips, with a warning, a link to another file.
     */
    private void checkLink(ObjectReader reader, RevCommit commit, ObjectId blob, String relative, PathRules rules,
            String where) throws IOException {
        String path = RepoPaths.join(settings.path(), relative);
        boolean manifest = isManifest.test(path);
        if (manifest ? !rules.isFileSelected(relative) : rules.isFolderExcluded(relative)) {
            return;
        }
        String refusal = manifest ? "" : refusal(reader, commit, path,
                new String(readBlob(reader, blob, path, where), StandardCharsets.UTF_8));
        if (refusal == null) {
            if (rules.isFileSelected(relative)) {
                LOG.warn("Skipping symbolic link '{}' at commit {} of {}: links are never followed", path,
                        commit.name(), where);
            }
            return;
        }
        throw new SourceException("commit " + commit.name() + " of " + where + " has a symbolic link at '" + path + "'"
                + refusal + "; links are never followed, and skipping it would drop what it declares: replace the link"
                + " by the file or folder it points to, or exclude it; nothing was loaded");
    }

    /** Returns why a link to {@code target} may stand for manifests, or {@code null} when it names another file. */
    private static String refusal(ObjectReader reader, RevCommit commit, String path, String target)
            throws IOException {
        String resolved = resolve(path, target);
        if (resolved == null) {
            return " pointing outside the repository";
        }
        if (resolved.isEmpty()) {
            return " to a folder";
        }
        try (TreeWalk walk = TreeWalk.forPath(reader, resolved, commit.getTree())) {
            int type = walk == null ? FileMode.TYPE_MISSING : walk.getRawMode(0) & FileMode.TYPE_MASK;
            if (type == FileMode.TYPE_TREE) {
                return " to a folder";
            }
            return type == FileMode.TYPE_SYMLINK ? " to another link" : null;
        }
    }

    /** Returns the repository path a link at {@code path} to {@code target} names, or {@code null} outside it. */
    private static String resolve(String path, String target) {
        if (target.startsWith("/") || target.indexOf('\\') >= 0 || target.indexOf('\0') >= 0) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            segments.addAll(List.of(path.substring(0, slash).split("/")));
        }
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    return null;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        String resolved = String.join("/", segments);
        return resolved.isEmpty() || RepoPaths.isSafeTreePath(resolved) ? resolved : null;
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
