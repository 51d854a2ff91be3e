package io.gitops4j.testkit.git;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Assumptions;

/**
 * A real bare Git repository in a temporary folder that a test fills with commits and serves on 127.0.0.1.
 *
 * <p>Commits are written with JGit straight into the object database (no working tree): {@link #commit(Map)}
 * lays a map of path to content over the tip of a branch, {@link #replaceTree(String, String, Map)} makes the
 * tree exactly the map. Branches, lightweight and annotated tags, force moves (what a force push does),
 * symbolic links and submodule entries are one call each. {@link #serveOverGitDaemon()} and
 * {@link #serveOverHttp(String, String)} start servers the fixture stops on {@link #close()}, which also deletes
 * the folder. The default branch is {@value #DEFAULT_BRANCH} and {@code HEAD} points at it. Author and commit
 * times advance one minute per commit from a fixed instant, so identical scripts give identical SHAs.
 *
 * <p>Not thread-safe: build the repository from one thread; serving it to many clients is fine.
 */
public final class GitRepoFixture implements AutoCloseable {
    /** The branch {@code HEAD} points at and {@link #commit(Map)} writes to. */
    public static final String DEFAULT_BRANCH = "main";

    private static final String NAME = "repo.git";
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Path root;
    private final Repository repository;
    private final List<GitServer> servers = new ArrayList<>();
    private int commits;

    private GitRepoFixture(Path root) throws IOException {
        this.root = root;
        this.repository = FileRepositoryBuilder.create(root.resolve(NAME).toFile());
        repository.create(true);
        RefUpdate head = repository.updateRef(Constants.HEAD);
        head.link(Constants.R_HEADS + DEFAULT_BRANCH);
        repository.getConfig().setBoolean("uploadpack", null, "allowReachableSHA1InWant", true);
        repository.getConfig().setBoolean("uploadpack", null, "allowAnySHA1InWant", true);
        repository.getConfig().save();
    }

    /** Creates an empty bare repository in a new temporary folder. */
    public static GitRepoFixture create() {
        try {
            return new GitRepoFixture(Files.createTempDirectory("gitops4j-repo-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Git repository", e);
        }
    }

    /** Returns the bare repository's folder (its {@code .git} equivalent). */
    public Path directory() {
        return root.resolve(NAME);
    }

    /** Returns the {@code file://} URI of the repository. */
    public String fileUri() {
        return directory().toUri().toString();
    }

    /** Commits {@code files} (path to UTF-8 content) over the tip of {@value #DEFAULT_BRANCH}; returns the SHA. */
    public String commit(Map<String, String> files) {
        return commit(DEFAULT_BRANCH, "update " + files.keySet(), files);
    }

    /**
     * Commits {@code files} (path to UTF-8 content) over the tip of {@code branch} (a root commit when the branch
     * does not exist yet) and moves the branch; other files of the tip stay. Returns the new commit's SHA.
     */
    public String commit(String branch, String message, Map<String, String> files) {
        return writeCommit(branch, message, files, false);
    }

    /** Like {@link #commit(String, String, Map)} but the commit's tree holds exactly {@code files}. */
    public String replaceTree(String branch, String message, Map<String, String> files) {
        return writeCommit(branch, message, files, true);
    }

    /** Commits raw bytes at {@code path} over the tip of {@code branch}; returns the SHA. */
    public String commitBytes(String branch, String path, byte[] content) {
        return edit(branch, "write " + path, tree -> tree.put(path, new Entry(FileMode.REGULAR_FILE,
                insertBlob(content))));
    }

    /** Commits the removal of {@code paths} from the tip of {@code branch}; returns the SHA. */
    public String delete(String branch, String... paths) {
        return edit(branch, "delete " + List.of(paths), tree -> {
            for (String path : paths) {
                tree.remove(path);
            }
        });
    }

    /** Commits a symbolic link at {@code path} pointing at {@code target} (any text, even outside the repo). */
    public String commitSymlink(String branch, String path, String target) {
        return edit(branch, "link " + path, tree -> tree.put(path, new Entry(FileMode.SYMLINK,
                insertBlob(target.getBytes(StandardCharsets.UTF_8)))));
    }

    /** Commits a submodule entry (gitlink) at {@code path} pointing at commit {@code sha} of another repository. */
    public String commitSubmodule(String branch, String path, String sha) {
        return edit(branch, "submodule " + path, tree -> tree.put(path, new Entry(FileMode.GITLINK,
                ObjectId.fromString(sha))));
    }

    /** Creates or force-moves branch {@code name} to commit {@code sha} (what {@code git push --force} does). */
    public void branch(String name, String sha) {
        moveRef(Constants.R_HEADS + name, ObjectId.fromString(sha));
    }

    /** Creates or moves the lightweight tag {@code name} to commit {@code sha}. */
    public void tag(String name, String sha) {
        moveRef(Constants.R_TAGS + name, ObjectId.fromString(sha));
    }

    /** Creates or moves the annotated tag {@code name} (a tag object) to commit {@code sha}. */
    public void annotatedTag(String name, String sha, String message) {
        TagBuilder tag = new TagBuilder();
        tag.setObjectId(ObjectId.fromString(sha), Constants.OBJ_COMMIT);
        tag.setTag(name);
        tag.setMessage(message);
        tag.setTagger(nextIdent());
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId id = inserter.insert(tag);
            inserter.flush();
            moveRef(Constants.R_TAGS + name, id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tag " + name, e);
        }
    }

    /** Returns the SHA {@code branch} points at. */
    public String head(String branch) {
        try {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            if (ref == null) {
                throw new IllegalArgumentException("no branch " + branch + " in " + directory());
            }
            return ref.getObjectId().name();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read branch " + branch, e);
        }
    }

    /** Serves the repository read-only over {@code git://} from a {@code git daemon}; skips the test without git. */
    public GitServer serveOverGitDaemon() {
        Assumptions.assumeTrue(GitCli.isAvailable(), "the git command line is not installed; skipping");
        return register(new GitDaemonServer(root, NAME));
    }

    /** Serves the repository read-only over smart HTTP without authentication. */
    public GitServer serveOverHttp() {
        return serveOverHttp(null, null);
    }

    /**
     * Serves the repository read-only over smart HTTP; when {@code user} is not null every request must carry
     * these basic credentials.
     */
    public GitServer serveOverHttp(String user, String password) {
        try {
            return register(new SmartHttpGitServer(repository, NAME, user, password));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the smart HTTP server", e);
        }
    }

    /** Stops every server this fixture started and deletes the repository folder. */
    @Override
    public void close() {
        synchronized (servers) {
            servers.forEach(GitServer::close);
            servers.clear();
        }
        repository.close();
        deleteRecursively(root);
    }

    private GitServer register(GitServer server) {
        synchronized (servers) {
            servers.add(server);
        }
        return server;
    }

    private String writeCommit(String branch, String message, Map<String, String> files, boolean replace) {
        requireNonNull(files, "files is null");
        return edit(branch, message, tree -> {
            if (replace) {
                tree.clear();
            }
            files.forEach((path, content) -> tree.put(path, new Entry(FileMode.REGULAR_FILE,
                    insertBlob(content.getBytes(StandardCharsets.UTF_8)))));
        });
    }

    private String edit(String branch, String message, java.util.function.Consumer<Map<String, Entry>> change) {
        try (ObjectInserter inserter = repository.newObjectInserter(); RevWalk walk = new RevWalk(repository)) {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            RevCommit parent = ref == null ? null : walk.parseCommit(ref.getObjectId());
            Map<String, Entry> tree = parent == null ? new TreeMap<>() : readTree(parent);
            change.accept(tree);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(writeTree(tree, inserter));
            if (parent != null) {
                commit.setParentId(parent);
            }
            PersonIdent ident = nextIdent();
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            moveRef(Constants.R_HEADS + branch, id);
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit to " + branch, e);
        }
    }

    private Map<String, Entry> readTree(RevCommit commit) throws IOException {
        Map<String, Entry> tree = new LinkedHashMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                tree.put(walk.getPathString(), new Entry(walk.getFileMode(0), walk.getObjectId(0)));
            }
        }
        return tree;
    }

    private static ObjectId writeTree(Map<String, Entry> tree, ObjectInserter inserter) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        new TreeMap<>(tree).forEach((path, entry) -> {
            DirCacheEntry cacheEntry = new DirCacheEntry(path);
            cacheEntry.setFileMode(entry.mode());
            cacheEntry.setObjectId(entry.id());
            builder.add(cacheEntry);
        });
        builder.finish();
        return index.writeTree(inserter);
    }

    private ObjectId insertBlob(byte[] content) {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId id = inserter.insert(Constants.OBJ_BLOB, content);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a blob", e);
        }
    }

    private void moveRef(String name, ObjectId id) {
        try {
            RefUpdate update = repository.updateRef(name);
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            if (result == RefUpdate.Result.REJECTED || result == RefUpdate.Result.LOCK_FAILURE
                    || result == RefUpdate.Result.IO_FAILURE) {
                throw new IllegalStateException("cannot move " + name + ": " + result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + name, e);
        }
    }

    private PersonIdent nextIdent() {
        Instant when = EPOCH.plusSeconds(60L * commits++);
        return new PersonIdent("gitops4j fixture", "fixture@gitops4j.io", when, ZoneOffset.UTC);
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private record Entry(FileMode mode, ObjectId id) {
    }
}
