package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import io.gitops4j.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The local clones of remote repositories, one bare clone per URL (and fetch depth) in a folder, shared by every
 * {@link GitSource} built with this cache.
 *
 * <p>Sources on the same URL share one clone, and fetches of one clone never overlap: a source asking for a fetch
 * while one is running waits for it and uses its result instead of starting another. With a
 * {@link Builder#fetchReuseWindow(Duration) fetch reuse window}, a fetch that completed within the window also
 * serves later callers, so a loop polling many applications that read one repository fetches it once per
 * interval. Clones survive restarts: opening a cache on an existing folder reuses its clones and only fetches
 * what is new. One cache per folder per JVM: two caches on one folder would fetch into the same clones
 * unsynchronised. Thread-safe; {@link #close()} releases the open repositories (the folder stays).
 *
 * <p>Housekeeping: every fetch writes at least one pack file, and a clone polled for weeks would pile up hundreds,
 * making each fetch and read slower. When a fetch that brought objects leaves more than
 * {@link Builder#packCompactionThreshold(int) a threshold} of pack files (default
 * {@value #DEFAULT_PACK_COMPACTION_THRESHOLD}), the fetching thread compacts the clone with JGit's garbage collector
 * before the callers waiting for that fetch go on, while no load reads from that clone; a failed compaction is
 * logged and never fails a load. The {@link Builder#keptLoadedCommits(int) most recently loaded commits} (default
 * {@value #DEFAULT_KEPT_LOADED_COMMITS}) are kept by refs {@code refs/gitops4j/loaded/<sha>} in the clone, so a
 * rollback to one of them still loads after its branch was force-pushed away and the clone compacted.
 */
public final class RepositoryCache implements AutoCloseable {
    /** The number of pack files above which a clone is compacted after a fetch, unless configured otherwise. */
    public static final int DEFAULT_PACK_COMPACTION_THRESHOLD = 32;

    /** The number of most recently loaded commits kept reachable per clone, unless configured otherwise. */
    public static final int DEFAULT_KEPT_LOADED_COMMITS = 256;

    private final Path directory;
    private final Duration fetchReuseWindow;
    private final Clock clock;
    private final PackCompaction compaction;
    private final int keptLoadedCommits;
    private final ConcurrentMap<String, CachedRepository> repositories = new ConcurrentHashMap<>();

    private RepositoryCache(Builder builder) {
        this.directory = builder.directory;
        this.fetchReuseWindow = builder.fetchReuseWindow;
        this.clock = builder.clock;
        this.compaction = builder.collector == null ? PackCompaction.withJGit(builder.packCompactionThreshold)
                : new PackCompaction(builder.packCompactionThreshold, builder.collector);
        this.keptLoadedCommits = builder.keptLoadedCommits;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SourceException("cannot create the repository cache folder " + directory + ": " + e.getMessage()
                    + "; check that the path is a writable folder", e);
        }
    }

    /**
     * Opens (creating if needed) a cache in {@code directory} with no fetch reuse window.
     *
     * @param directory the folder holding the clones
     * @return the cache
     * @throws SourceException when the folder cannot be created (the message names it)
     */
    public static RepositoryCache open(Path directory) {
        return builder(directory).build();
    }

    /**
     * Returns a builder for a cache in {@code directory}.
     *
     * @param directory the folder holding the clones
     * @return the builder
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /**
     * Returns the folder holding the clones.
     *
     * @return the absolute folder
     */
    public Path directory() {
        return directory;
    }

    /** Closes every open clone; sources using this cache must not be used afterwards. */
    @Override
    public void close() {
        repositories.values().forEach(CachedRepository::close);
        repositories.clear();
    }

    @Override
    public String toString() {
        return "RepositoryCache[" + directory + ", " + repositories.size() + " clones]";
    }

    CachedRepository repository(String url, boolean shallow) {
        String key = url + (shallow ? " depth=1" : "");
        return repositories.computeIfAbsent(key, k -> new CachedRepository(url, shallow,
                directory.resolve(folderName(url, k)), fetchReuseWindow, clock, compaction, keptLoadedCommits));
    }

    private static String folderName(String url, String key) {
        String trimmed = url.replaceAll("/+$", "").replaceAll("\\.git$", "");
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "_");
        if (last.isEmpty() || last.startsWith(".")) {
            last = "repo";
        }
        return (last.length() > 40 ? last.substring(0, 40) : last) + "-" + sha256(key).substring(0, 16) + ".git";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Builds a {@link RepositoryCache}. Not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private Duration fetchReuseWindow = Duration.ZERO;
        private Clock clock = Clock.systemUTC();
        private int packCompactionThreshold = DEFAULT_PACK_COMPACTION_THRESHOLD;
        private int keptLoadedCommits = DEFAULT_KEPT_LOADED_COMMITS;
        private PackCompaction.Collector collector;

        private Builder(Path directory) {
            this.directory = requireNonNull(directory, "directory is null").toAbsolutePath();
        }

        /**
         * Lets a fetch that completed less than {@code window} ago serve later callers without contacting the
         * server (default zero: every call fetches, concurrent calls still share one fetch).
         */
        public Builder fetchReuseWindow(Duration window) {
            requireNonNull(window, "window is null");
            if (window.isNegative()) {
                throw new IllegalArgumentException("fetchReuseWindow must not be negative");
            }
            this.fetchReuseWindow = window;
            return this;
        }

        /** Sets the clock the reuse window is measured with (tests use a manual clock). */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * Sets the number of pack files a clone may hold after a fetch that brought objects before it is compacted
         * into one pack (default {@value #DEFAULT_PACK_COMPACTION_THRESHOLD}); {@link Integer#MAX_VALUE} never
         * compacts. A compaction reads every object of the clone once, so a low threshold costs more often.
         *
         * @throws IllegalArgumentException when {@code packs} is less than 1
         */
        public Builder packCompactionThreshold(int packs) {
            if (packs < 1) {
                throw new IllegalArgumentException("packCompactionThreshold must be at least 1");
            }
            this.packCompactionThreshold = packs;
            return this;
        }

        /**
         * Sets how many of the most recently loaded commits each clone keeps reachable by a ref, so a rollback to
         * them loads even after their branch was force-pushed away and the clone compacted (default
         * {@value #DEFAULT_KEPT_LOADED_COMMITS}); older loaded commits stay only while a branch or tag reaches them.
         *
         * @throws IllegalArgumentException when {@code commits} is less than 1
         */
        public Builder keptLoadedCommits(int commits) {
            if (commits < 1) {
                throw new IllegalArgumentException("keptLoadedCommits must be at least 1");
            }
            this.keptLoadedCommits = commits;
            return this;
        }

        /** Replaces JGit's garbage collector of the compaction (tests make it fail). */
        Builder collector(PackCompaction.Collector collector) {
            this.collector = requireNonNull(collector, "collector is null");
            return this;
        }

        /** Creates the cache folder if needed and returns the cache. */
        public RepositoryCache build() {
            return new RepositoryCache(this);
        }
    }
}
