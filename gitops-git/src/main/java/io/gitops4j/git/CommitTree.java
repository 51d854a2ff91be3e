package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import io.gitops4j.SourceException;
import io.gitops4j.render.SourceTree;
import io.gitops4j.render.TreeEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A {@link SourceTree} over the tree of one commit, read straight from the object database (no checkout). Ids are
 * Git object ids (a blob's for a file, a tree's for a folder), so equal ids mean equal content and a render cache
 * can compare them without reading anything. Symbolic links and submodules are listed with their type, never
 * followed; files over the size limit are refused. Paths are checked to be normal and inside the repository.
 * Immutable; every call opens its own object reader, so it is thread-safe. Read it while the clone is not being
 * compacted (inside {@link CachedRepository#reading}).
 */
final class CommitTree implements SourceTree {
    private final Repository repository;
    private final RevCommit commit;
    private final long maxFileSize;
    private final String description;

    CommitTree(Repository repository, RevCommit commit, long maxFileSize, String url) {
        this.repository = requireNonNull(repository, "repository is null");
        this.commit = requireNonNull(commit, "commit is null");
        this.maxFileSize = maxFileSize;
        this.description = url + " at " + commit.name();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Optional<TreeEntry> entry(String path) {
        if (checked(path).isEmpty()) {
            return Optional.of(new TreeEntry("", TreeEntry.Type.FOLDER));
        }
        try (ObjectReader reader = repository.newObjectReader();
                TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
            return walk == null ? Optional.empty() : Optional.of(new TreeEntry(path, typeOf(walk.getRawMode(0))));
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    @Override
    public List<TreeEntry> list(String folder) {
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(folderId(reader, checked(folder)));
            walk.setRecursive(false);
            List<TreeEntry> entries = new ArrayList<>();
            while (walk.next()) {
                String name = walk.getNameString();
                entries.add(new TreeEntry(folder.isEmpty() ? name : folder + "/" + name,
                        typeOf(walk.getRawMode(0))));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw unreadable(folder, e);
        }
    }

    @Override
    public byte[] read(String path) {
        if (checked(path).isEmpty()) {
            throw new SourceException("the root of " + description + " is a folder; expected a file");
        }
        try (ObjectReader reader = repository.newObjectReader();
                TreeWalk walk = TreeWalk.forPath(reader, checked(path), commit.getTree())) {
            if (walk == null) {
                throw new SourceException("'" + path + "' does not exist in " + description);
            }
            TreeEntry.Type type = typeOf(walk.getRawMode(0));
            if (type != TreeEntry.Type.FILE) {
                throw new SourceException("'" + path + "' in " + description + " is a " + type.name()
                        .toLowerCase(java.util.Locale.ROOT) + " (links and submodules are never followed); "
                        + "expected a file");
            }
            ObjectId blob = walk.getObjectId(0);
            long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
            if (size > maxFileSize) {
                throw new SourceException("file '" + path + "' of " + description + " is " + size + " bytes, over "
                        + "the limit of " + maxFileSize + " bytes; shrink it, or raise the source's maxFileSize");
            }
            return reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    @Override
    public String id(String path) {
        if (checked(path).isEmpty()) {
            return commit.getTree().name();
        }
        try (ObjectReader reader = repository.newObjectReader();
                TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
            if (walk == null) {
                throw new SourceException("'" + path + "' does not exist in " + description);
            }
            return walk.getObjectId(0).name();
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    private ObjectId folderId(ObjectReader reader, String folder) throws IOException {
        if (folder.isEmpty()) {
            return commit.getTree();
        }
        try (TreeWalk walk = TreeWalk.forPath(reader, folder, commit.getTree())) {
            if (walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_TREE) {
                throw new SourceException("'" + folder + "' is not a folder of " + description);
            }
            return walk.getObjectId(0);
        }
    }

    private String checked(String path) {
        requireNonNull(path, "path is null");
        if (!path.isEmpty() && !RepoPaths.isSafeTreePath(path)) {
            throw new SourceException("'" + path + "' is not a normal path inside " + description
                    + " (a '..', '.git' or empty segment)");
        }
        return path;
    }

    private SourceException unreadable(String path, IOException e) {
        return new SourceException("cannot read '" + path + "' of " + description + ": " + e.getMessage()
                + "; the cached clone may be damaged, delete the cache folder to re-clone", e);
    }

    private static TreeEntry.Type typeOf(int rawMode) {
        int type = rawMode & FileMode.TYPE_MASK;
        if (type == FileMode.TYPE_TREE) {
            return TreeEntry.Type.FOLDER;
        }
        if (type == FileMode.TYPE_SYMLINK) {
            return TreeEntry.Type.SYMLINK;
        }
        return type == FileMode.TYPE_GITLINK ? TreeEntry.Type.SUBMODULE : TreeEntry.Type.FILE;
    }
}
