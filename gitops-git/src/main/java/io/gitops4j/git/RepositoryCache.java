package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
public final class RepositoryCache implements AutoCloseable {
    private final Path directory;
    private final Duration fetchReuseWindow;
    private final Clock clock;
    private final ConcurrentMap<String, CachedRepository> repositories = new ConcurrentHashMap<>();

    private RepositoryCache(Builder builder) {
        this.directory = builder.directory;
        this.fetchReuseWindow = builder.fetchReuseWindow;
        this.clock = builder.clock;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the repository cache folder " + directory, e);
        }
    }

    /**
     * Opens (creating if needed) a cache in {@code directory} with no fetch reuse window.
     *
     * @param directory the folder holding the clones
     * @return the cache
     * @throws java.io.UncheckedIOException when the folder cannot be created
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
                directory.resolve(folderName(url, k)), fetchReuseWindow, clock));
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

        /** Creates the cache folder if needed and returns the cache. */
        public RepositoryCache build() {
            return new RepositoryCache(this);
        }
    }
}
