package io.gitops4j.git;

import io.gitops4j.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bare clone of one URL: created by the first fetch (init + fetch = clone), then fetched incrementally with
 * force-updating refspecs for every branch and tag, so force pushes and moved tags are followed and deleted refs
 * disappear. Fetches are single-flight: concurrent callers share the running fetch. A failed fetch leaves the
 * clone as it was, so commits fetched earlier stay loadable.
 *
 * <p>Housekeeping: a fetch that leaves more pack files than the threshold compacts the clone ({@link PackCompaction})
 * before its waiting callers go on, and every loaded commit is kept reachable by a ref ({@link LoadedCommitRefs}), so
 * the compaction never drops a commit a rollback may ask for. Reading objects ({@link #reading(Supplier)}) and the
 * compaction exclude each other: a read never overlaps the deletion of old packs. Thread-safe.
 */
final class CachedRepository implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CachedRepository.class);
    private static final List<String> REF_SPECS = List.of("+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*");

    private final String url;
    private final boolean shallow;
    private final Path directory;
    private final Duration reuseWindow;
    private final Clock clock;
    private final PackCompaction compaction;
    private final LoadedCommitRefs loaded;
    private final Object lock = new Object();
    /** Shared by readers of objects, exclusive for the compaction; never held while fetching. */
    private final ReadWriteLock objects = new ReentrantReadWriteLock();
    private Repository repository;
    private CompletableFuture<Void> inFlight;
    private Instant lastFetch;

    CachedRepository(String url, boolean shallow, Path directory, Duration reuseWindow, Clock clock,
            PackCompaction compaction, int keptLoadedCommits) {
        this.url = url;
        this.shallow = shallow;
        this.directory = directory;
        this.reuseWindow = reuseWindow;
        this.clock = clock;
        this.compaction = compaction;
        this.loaded = new LoadedCommitRefs(keptLoadedCommits);
    }

    String url() {
        return url;
    }

    Path directory() {
        return directory;
    }

    /** Returns the open local clone, creating an empty one on first use. */
    Repository repository() {
        synchronized (lock) {
            if (repository == null) {
                repository = openOrCreate();
            }
            return repository;
        }
    }

    /**
     * Runs {@code read} while no compaction runs on this clone (many reads may run together); {@code read} must not
     * fetch.
     */
    <T> T reading(Supplier<T> read) {
        objects.readLock().lock();
        try {
            return read.get();
        } finally {
            objects.readLock().unlock();
        }
    }

    /** Keeps the loaded commit {@code id} reachable by a ref, so a compaction never drops it; never throws. */
    void keepLoaded(ObjectId id) {
        reading(() -> {
            loaded.keep(repository(), id, url);
            return null;
        });
    }

    /** Returns whether the clone holds the commit {@code id} (fetched at some point and not pruned). */
    boolean hasCommit(ObjectId id) {
        return reading(() -> {
            try (RevWalk walk = new RevWalk(repository())) {
                RevCommit commit = walk.parseCommit(id);
                return commit != null;
            } catch (MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
                return false;
            } catch (IOException e) {
                throw new SourceException("cannot read the cached clone of " + url + " in " + directory, e);
            }
        });
    }

    /**
     * Fetches every branch and tag, unless a fetch is running (then waits for it) or one finished within the reuse
     * window; throws {@link SourceException} when the fetch fails, saying the clone is unchanged.
     */
    void fetch(TransportSettings transport) {
        CompletableFuture<Void> running;
        boolean leader = false;
        synchronized (lock) {
            if (inFlight != null) {
                running = inFlight;
            } else if (lastFetch != null && !reuseWindow.isZero()
                    && clock.instant().isBefore(lastFetch.plus(reuseWindow))) {
                return;
            } else {
                running = new CompletableFuture<>();
                inFlight = running;
                leader = true;
            }
        }
        if (leader) {
            lead(running, transport);
        }
        try {
            running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SourceException source) {
                throw source;
            }
            throw new SourceException("fetch of " + url + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Fetches one commit by SHA (servers must allow it); returns false when the server refuses or lacks it. */
    boolean fetchCommit(TransportSettings transport, ObjectId id) {
        try {
            new Fetch(url, List.of(id.name()), false, shallow).call(repository(), transport);
            return hasCommit(id);
        } catch (GitAPIException | TransportException | RuntimeException e) {
            LOG.debug("Fetching commit {} from {} failed: {}", id.name(), url, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (repository != null) {
                repository.close();
                repository = null;
            }
        }
    }

    private void lead(CompletableFuture<Void> running, TransportSettings transport) {
        try {
            long start = System.nanoTime();
            int packsBefore = PackCompaction.packCount(directory);
            new Fetch(url, REF_SPECS, true, shallow).call(repository(), transport);
            LOG.debug("Fetched {} into {} in {} ms", url, directory, (System.nanoTime() - start) / 1_000_000);
            synchronized (lock) {
                lastFetch = clock.instant();
            }
            compactIfNeeded(packsBefore);
            running.complete(null);
        } catch (GitAPIException | TransportException | RuntimeException e) {
            running.completeExceptionally(new SourceException("fetch of " + url + " failed: " + message(e)
                    + ". The cached clone in " + directory + " is unchanged: revisions fetched before can still be"
                    + " loaded with load(revision); check the URL, the network and the credentials", e));
        } finally {
            synchronized (lock) {
                inFlight = null;
            }
            // an Error escaping the fetch must not leave followers waiting forever
            running.completeExceptionally(new SourceException("fetch of " + url + " was aborted"));
        }
    }

    private void compactIfNeeded(int packsBefore) {
        if (!compaction.isNeeded(directory, packsBefore)) {
            return;
        }
        objects.writeLock().lock();
        try {
            compaction.compact(repository(), directory, url);
        } finally {
            objects.writeLock().unlock();
        }
    }

    private static String message(Exception e) {
        Throwable root = e;
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null && !text.toString().contains(root.getMessage())) {
                text.append(": ").append(root.getMessage());
            }
        }
        return text.toString();
    }

    private Repository openOrCreate() {
        try {
            Repository opened = new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build();
            if (!Files.isDirectory(directory.resolve("objects"))) {
                opened.create(true);
                // housekeeping after a fetch runs in the fetching thread, never in a background thread that
                // could outlive the cache
                opened.getConfig().setBoolean("gc", null, "autoDetach", false);
                opened.getConfig().save();
                LOG.info("Cloning {} into {}", url, directory);
            }
            return opened;
        } catch (IOException e) {
            throw new SourceException("cannot open or create the cached clone of " + url + " in " + directory
                    + ": " + e.getMessage() + "; check that the cache folder is writable", e);
        }
    }
}
