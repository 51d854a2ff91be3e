package io.gitops4j.git;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts a clone with JGit's garbage collector once a fetch that brought objects leaves more pack files than a
 * threshold (every fetch writes at least one pack, and many packs make every later fetch and read slower).
 *
 * <p>The collector repacks every object reachable from a ref (branches, tags and the refs that keep loaded commits,
 * see {@link LoadedCommitRefs}) into one pack and deletes the old packs at once (no pack expiry, no preserved
 * copies). Objects of the old packs that no ref reaches (a commit force-pushed away and never loaded, a commit
 * fetched by SHA) are not dropped with them: they are written back as loose objects and pruned only once older
 * than {@link #UNREACHABLE_GRACE}, so a load that resolved such a commit just before the compaction still finds
 * it. No bitmaps are built: a cache is never served to other clients. Failures are logged, never thrown.
 */
final class PackCompaction {
    /** How long objects no ref reaches survive as loose objects after a compaction. */
    static final Duration UNREACHABLE_GRACE = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(PackCompaction.class);

    private final int threshold;
    private final Collector collector;

    PackCompaction(int threshold, Collector collector) {
        this.threshold = threshold;
        this.collector = collector;
    }

    /** Returns a compaction with JGit's garbage collector at {@code threshold} packs. */
    static PackCompaction withJGit(int threshold) {
        return new PackCompaction(threshold, repository -> collectGarbage(repository, UNREACHABLE_GRACE));
    }

    /** Returns the number of pack files ({@code objects/pack/*.pack}) of the clone in {@code directory}. */
    static int packCount(Path directory) {
        File[] packs = directory.resolve("objects").resolve("pack").toFile()
                .listFiles((dir, name) -> name.endsWith(".pack"));
        return packs == null ? 0 : packs.length;
    }

    /**
     * Returns whether the clone in {@code directory} needs compacting after a fetch: the fetch added packs
     * ({@code packsBefore} were there before it) and the clone now holds more than the threshold.
     */
    boolean isNeeded(Path directory, int packsBefore) {
        int packs = packCount(directory);
        return packs > packsBefore && packs > threshold;
    }

    /**
     * Compacts the clone; the caller holds the clone's exclusive lock. A failure is logged with the URL (which
     * never holds credentials) and the folder, never thrown.
     *
     * @return whether the collector ran to the end
     */
    boolean compact(Repository repository, Path directory, String url) {
        int packs = packCount(directory);
        long start = System.nanoTime();
        try {
            collector.collect(repository);
            LOG.info("Compacted the cached clone of {} from {} to {} pack files in {} ms", url, packs,
                    packCount(directory), (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Could not compact the cached clone of {} in {} ({} pack files): {}; loads are unaffected and"
                    + " the next fetch that brings objects tries again; if this persists, check the folder is"
                    + " writable or delete it to re-clone", url, directory, packs, e.toString());
            return false;
        }
    }

    /**
     * Runs JGit's garbage collector with the settings above; loose objects no ref reaches are pruned once older than
     * {@code unreachableGrace} (objects loosened by this run survive it in any case).
     */
    static void collectGarbage(Repository repository, Duration unreachableGrace) throws Exception {
        if (!(repository instanceof FileRepository files)) {
            throw new IllegalStateException("not a file repository: " + repository.getClass().getName());
        }
        PackConfig pack = new PackConfig(repository);
        pack.setPreserveOldPacks(false);
        pack.setPrunePreserved(true);
        pack.setBuildBitmaps(false);
        GC gc = new GC(files);
        gc.setPackConfig(pack);
        gc.setAuto(false);
        gc.setPackExpire(Instant.now().plusSeconds(1));
        gc.setExpire(Instant.now().minus(unreachableGrace));
        try {
            gc.gc().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Runs the garbage collection of one clone (a seam for tests that make it fail). */
    @FunctionalInterface
    interface Collector {
        /** Collects garbage in {@code repository}; any exception is logged by the caller. */
        void collect(Repository repository) throws Exception;
    }
}
