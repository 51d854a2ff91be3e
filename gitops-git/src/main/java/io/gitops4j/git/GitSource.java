package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.render.RenderCache;
import io.gitops4j.render.RenderMode;
import io.gitops4j.render.RenderPipeline;
import io.gitops4j.render.RenderSettings;
import io.gitops4j.render.Renderer;
import io.gitops4j.render.Renderers;
import io.gitops4j.render.Substitution;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DesiredStateSource} that reads manifests from a Git repository and pins them to a commit.
 *
 * <p>Build with {@link #builder()}: a repository URI ({@code file://}, a local path, {@code git://},
 * {@code http(s)://}, {@code ssh://} or {@code user@host:path}), a {@link GitRef} to track, an optional folder
 * inside the repository, include/exclude patterns in {@code .gitignore} syntax plus an ignore file read from the
 * folder at each commit ({@value #DEFAULT_IGNORE_FILE} by default, like Flux), credentials, a signature policy,
 * limits and a cache. The first load clones into the cache; later loads fetch incrementally and read the
 * manifests straight from the commit's tree objects (no working tree). The {@link Revision} of a loaded state is
 * the commit SHA plus the content digest of what was loaded.
 *
 * <pre>{@code
 * try (RepositoryCache cache = RepositoryCache.open(Path.of("/var/cache/gitops4j"));
 *      GitSource source = GitSource.builder()
 *          .uri("https://git.example.org/platform/deploy.git")
 *          .ref(GitRef.semver(">=1.2.0 <2.0.0"))
 *          .path("clusters/prod")
 *          .credentials(GitCredentials.token(System.getenv("GIT_TOKEN")))
 *          .repositoryCache(cache)
 *          .build()) {
 *     DesiredState state = source.load();              // clone or fetch, resolve, read, parse
 *     String latest = source.latestRevisionId();       // fetch + resolve only
 *     DesiredState rollback = source.load(earlierRevision);
 * }
 * }</pre>
 *
 * <p>A commit's content never changes, so loading the commit loaded last (the tip did not move) returns that
 * same immutable state without reading the tree again; the signature policy was enforced when it was read. Loading
 * another commit lists its tree (blob ids only) and reads and parses only the files whose blob is new or changed
 * since the last successful load: every file with the same path and blob id keeps the very same
 * {@link io.gitops4j.model.Resource} objects, so downstream caches that recognise unchanged resources by identity
 * make a small commit cost in proportion to what it changed. The rules (paths, filters, ignore file, limits, links,
 * signatures, duplicate resources) apply to every file of every commit, and the state and its digest are exactly
 * those of a full load. Only the files of the last loaded commit are remembered.
 *
 * <p>Failures are {@link SourceException}s that name the repository (never with credentials), the commit and the
 * path inside the repository; nothing is loaded when one is thrown. When a fetch fails the cached clone is kept:
 * {@link #load(Revision)} of a commit fetched before still works and the message says so. Symbolic links are
 * never followed: a link that stands for manifests fails the load, so it is never mistaken for a deletion and
 * pruned; submodules are skipped with a warning (see {@link Builder#path(String)}).
 *
 * <p>The clone is kept compact and rollbacks keep working: every fetch writes pack files, and when a fetch that brought
 * objects leaves more than {@link RepositoryCache.Builder#packCompactionThreshold(int) a threshold} of them (32 by
 * default) the clone is compacted with JGit's garbage collector (under the fetch, while no load reads the clone;
 * a failure is logged and never fails a load). The compaction keeps every commit a branch or tag reaches and, through
 * a ref {@code refs/gitops4j/loaded/<sha>} per commit loaded, the
 * {@link RepositoryCache.Builder#keptLoadedCommits(int) most recently loaded commits} of the clone (256 by default,
 * shared by the sources on that clone): {@link #load(Revision)} of one of those still works after its branch was
 * force-pushed away. An older loaded commit that no branch or tag reaches any more may be gone, and is then fetched
 * by SHA if the server still has it. Objects no ref reaches survive a compaction as loose objects for a day.
 *
 * <p>Thread-safe: one source may be loaded from many threads, and sources built with the same
 * {@link RepositoryCache} share one clone and one fetch per URL. {@link #close()} releases what the source owns
 * (its private cache, if it created one, and its SSH sessions).
 */
public final class GitSource implements DesiredStateSource, AutoCloseable {
    /** The ignore file read from the source's folder unless configured otherwise. */
    public static final String DEFAULT_IGNORE_FILE = ".sourceignore";

    private static final Logger LOG = LoggerFactory.getLogger(GitSource.class);

    private final RemoteUrl remote;
    private final GitRef ref;
    private final ReadSettings read;
    private final TransportSettings transport;
    private final RepositoryCache cache;
    private final boolean ownsCache;
    private final boolean temporaryCache;
    private final CachedRepository repository;
    private final CommitLoader commits;
    private final CommitLocator locator;

    private GitSource(Builder builder) {
        this.remote = RemoteUrl.parse(builder.uri);
        GitCredentials credentials = builder.credentials instanceof GitCredentials.None
                ? remote.embeddedCredentials() : builder.credentials;
        this.ref = builder.ref;
        this.read = new ReadSettings(RepoPaths.normaliseConfigured(builder.path),
                PathRules.of(builder.includes, builder.excludes), builder.ignoreFile, builder.maxFileSize,
                builder.maxFiles);
        this.transport = new TransportSettings(credentials, builder.timeout, builder.knownHosts,
                builder.strictHostKeyChecking);
        this.ownsCache = builder.cache == null;
        this.temporaryCache = ownsCache && builder.cacheDirectory == null;
        this.cache = ownsCache ? RepositoryCache.open(privateCacheDirectory(builder.cacheDirectory)) : builder.cache;
        this.repository = cache.repository(remote.url(), builder.shallow);
        this.commits = new CommitLoader(repository, read, builder.loader,
                new CommitSignatureCheck(builder.signaturePolicy), describe(), builder.pipeline());
        this.locator = new CommitLocator(repository, transport, ref, commits::lastLoadedId);
    }

    /**
     * Returns a new builder.
     *
     * @return a builder with the defaults set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fetches, resolves the tracked ref and loads the manifests of that commit.
     *
     * @return the complete desired state, pinned to the commit SHA and the content digest
     * @throws SourceException when the fetch fails (the message names the last loaded revision, which
     *     {@link #load(Revision)} can still load), the ref does not resolve, the signature policy rejects the
     *     commit, a limit is exceeded, or a manifest is invalid
     */
    @Override
    public DesiredState load() {
        return commits.load(locator.latest(), "");
    }

    /**
     * Loads the exact commit {@code revision.id()} (fetching only when the clone lacks it) and, when the revision
     * carries a digest, checks the loaded content has the same digest.
     *
     * @param revision the revision to load; its id must be a full commit SHA
     * @return the complete desired state at that commit
     * @throws SourceException when the id is not a full SHA, the commit does not exist, the signature policy
     *     rejects it, or the digest differs
     */
    @Override
    public DesiredState load(Revision revision) {
        requireNonNull(revision, "revision is null");
        ObjectId id = parseSha(revision.id());
        locator.ensurePresent(id);
        return commits.load(id, revision.digest());
    }

    /**
     * Fetches and resolves the tracked ref without reading any file; a pinned commit needs no fetch.
     *
     * @return the full SHA the next {@link #load()} would load
     * @throws SourceException when the fetch fails or the ref does not resolve
     */
    @Override
    public String latestRevisionId() {
        return locator.latest().name();
    }

    /**
     * Returns the paths, relative to the source's folder, of files added, removed or changed under that folder
     * between two commits of the clone; empty when the clone lacks either commit.
     *
     * @param fromRevisionId the earlier commit SHA
     * @param toRevisionId the later commit SHA
     * @return the changed paths, sorted, or empty when unknown
     * @throws SourceException when an id is not a full commit SHA
     */
    @Override
    public Optional<Set<String>> changedPaths(String fromRevisionId, String toRevisionId) {
        ObjectId from = parseSha(fromRevisionId);
        ObjectId to = parseSha(toRevisionId);
        if (!repository.hasCommit(from) || !repository.hasCommit(to)) {
            return Optional.empty();
        }
        return Optional.of(repository.reading(
                () -> TreeChanges.between(repository.repository(), from, to, read.path(), describe())));
    }

    /**
     * Returns the repository URL (without credentials) and the tracked ref: sources that read different folders of
     * the same repository and ref share one fetch per interval in a loop.
     *
     * @return the fetch key
     */
    @Override
    public String fetchKey() {
        return remote.url() + "@" + ref.describe();
    }

    /**
     * Returns {@code <url>@<ref>[:<path>]}, e.g. {@code https://example.org/shop.git@main:deploy}.
     *
     * @return the description, without credentials
     */
    @Override
    public String describe() {
        String refText = ref.describe();
        return remote.url() + "@" + refText.substring(refText.indexOf(' ') + 1)
                + (read.path().isEmpty() ? "" : ":" + read.path());
    }

    /**
     * Returns the folder of this source's clone inside its cache.
     *
     * @return the bare clone's folder (it may not exist before the first load)
     */
    public Path cloneDirectory() {
        return repository.directory();
    }

    @Override
    public String toString() {
        return "GitSource[" + describe() + "]";
    }

    /**
     * Closes the SSH sessions and, when this source created its own cache, that cache; a cache in a temporary
     * folder (no cache configured) is deleted.
     */
    @Override
    public void close() {
        transport.close();
        if (ownsCache) {
            cache.close();
        }
        if (temporaryCache) {
            deleteRecursively(cache.directory());
        }
    }

    private ObjectId parseSha(String id) {
        requireNonNull(id, "revision id is null");
        try {
            return ObjectId.fromString(new GitRef.Commit(id).sha());
        } catch (IllegalArgumentException e) {
            throw new SourceException("revision id '" + id + "' of " + describe()
                    + " is not a full 40-digit commit SHA", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary cache folder {}: {}", directory, e.getMessage());
        }
    }

    private static Path privateCacheDirectory(Path configured) {
        if (configured != null) {
            return configured;
        }
        try {
            return Files.createTempDirectory("gitops4j-git-");
        } catch (IOException e) {
            throw new SourceException("cannot create a temporary cache folder for the Git source in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    /**
     * Configures a {@link GitSource}. Required: {@link #uri(String)}. Defaults: branch {@code main}, the
     * repository root, no include/exclude patterns, ignore file {@value #DEFAULT_IGNORE_FILE}, full (not shallow)
     * fetches, a 60 s network timeout, no credentials, strict host-key checking against
     * {@code ~/.ssh/known_hosts}, no signature requirement, files up to 8 MiB, at most 50,000 files, the default
     * {@link ManifestLoader}, and a private cache in a temporary folder deleted on {@link GitSource#close()}.
     * Not thread-safe.
     */
    public static final class Builder {
        private String uri;
        private GitRef ref = GitRef.branch("main");
        private String path = "";
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private String ignoreFile = DEFAULT_IGNORE_FILE;
        private boolean shallow;
        private Duration timeout = Duration.ofSeconds(60);
        private GitCredentials credentials = GitCredentials.none();
        private Path knownHosts;
        private boolean strictHostKeyChecking = true;
        private SignaturePolicy signaturePolicy = SignaturePolicy.none();
        private long maxFileSize = 8L * 1024 * 1024;
        private int maxFiles = 50_000;
        private ManifestLoader loader = ManifestLoader.defaults();
        private RepositoryCache cache;
        private Path cacheDirectory;
        private RenderSettings render = RenderSettings.defaults();
        private Renderers renderers;
        private final List<Renderer> extraRenderers = new ArrayList<>();
        private Substitution substitution = Substitution.none();
        private RenderCache renderCache;

        private Builder() {
        }

        /**
         * Sets how the folder renders (default {@link RenderMode#AUTO}: decided at each commit from the folder's
         * listing, before anything is parsed: a kustomization file means Kustomize, {@code Chart.yaml} Helm,
         * anything else plain manifests). A rendered folder reads the whole commit (a kustomization may name
         * {@code ../base} inside the repository, never outside it); the include, exclude and ignore-file rules
         * select plain manifests only.
         */
        public Builder render(RenderSettings settings) {
            this.render = requireNonNull(settings, "settings is null");
            return this;
        }

        /** Sets the renderers (default: those on the class path, {@link Renderers#discover()}). */
        public Builder renderers(Renderers value) {
            this.renderers = requireNonNull(value, "renderers is null");
            return this;
        }

        /** Adds a renderer, which replaces the one of its mode that would be used otherwise. */
        public Builder renderer(Renderer renderer) {
            extraRenderers.add(requireNonNull(renderer, "renderer is null"));
            return this;
        }

        /** Sets the post-build variable substitution (default none), applied to plain and rendered objects. */
        public Builder substitution(Substitution value) {
            this.substitution = requireNonNull(value, "substitution is null");
            return this;
        }

        /**
         * Shares a render cache (default: one per source); sources of one repository that share it render a
         * folder once for all of them.
         */
        public Builder renderCache(RenderCache cache) {
            this.renderCache = requireNonNull(cache, "cache is null");
            return this;
        }

        private RenderPipeline pipeline() {
            Renderers all = renderers != null ? renderers : Renderers.discover();
            for (Renderer renderer : extraRenderers) {
                all = all.with(renderer);
            }
            RenderPipeline.Builder pipeline = RenderPipeline.builder().settings(render).renderers(all)
                    .substitution(substitution);
            if (renderCache != null) {
                pipeline.cache(renderCache);
            }
            return pipeline.build();
        }

        /**
         * Sets the repository location; credentials embedded in an HTTP URL ({@code https://user:password@host/..},
         * or {@code https://token@host/..}, where a lone user is taken as a token) are moved to the credentials
         * (unless {@link #credentials(GitCredentials)} is set) and never shown.
         */
        public Builder uri(String uri) {
            this.uri = requireNonNull(uri, "uri is null");
            return this;
        }

        /** Sets what to track (default: branch {@code main}). */
        public Builder ref(GitRef ref) {
            this.ref = requireNonNull(ref, "ref is null");
            return this;
        }

        /**
         * Sets the folder inside the repository to read (default: the root); leading/trailing slashes and
         * {@code .} segments are dropped, {@code ..} and {@code .git} are rejected. The folder must exist at
         * every loaded commit. Symbolic links under it are never followed, because following them could read
         * outside the repository: a selected link named like a manifest, or one to a folder, to another link or out
         * of the repository (inside the folder or not), fails the load with a {@link SourceException} naming it
         * (replace it by what it points to, or exclude it); a link to another file is skipped with a warning, that
         * file being read from its real path. Submodule entries are skipped with a warning: their content lives in
         * another repository.
         */
        public Builder path(String path) {
            this.path = RepoPaths.normaliseConfigured(path);
            return this;
        }

        /**
         * Adds include patterns ({@code .gitignore} syntax, relative to the folder): when any is set, only files
         * matching one (directly or through a parent folder) are read.
         */
        public Builder include(String... patterns) {
            includes.addAll(List.of(patterns));
            return this;
        }

        /** Adds exclude patterns ({@code .gitignore} syntax, relative to the folder; {@code !} re-includes). */
        public Builder exclude(String... patterns) {
            excludes.addAll(List.of(patterns));
            return this;
        }

        /**
         * Sets the name of the ignore file read at each commit from the folder's root, whose lines are added to
         * the excludes (default {@value #DEFAULT_IGNORE_FILE}); {@code null} reads none.
         */
        public Builder ignoreFile(String name) {
            this.ignoreFile = name == null ? null : RepoPaths.normaliseConfigured(name);
            return this;
        }

        /** Fetches with depth 1 (only the tips of branches and tags); older commits are fetched by SHA on demand. */
        public Builder shallow(boolean shallow) {
            this.shallow = shallow;
            return this;
        }

        /** Sets the network timeout of fetches (rounded to whole seconds, at least 1). */
        public Builder timeout(Duration timeout) {
            requireNonNull(timeout, "timeout is null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** Sets the credentials (default none). */
        public Builder credentials(GitCredentials credentials) {
            this.credentials = requireNonNull(credentials, "credentials is null");
            return this;
        }

        /** Sets the known_hosts file SSH host keys are checked against (default {@code ~/.ssh/known_hosts}). */
        public Builder knownHosts(Path knownHosts) {
            this.knownHosts = requireNonNull(knownHosts, "knownHosts is null");
            return this;
        }

        /** Turns SSH host-key checking off ({@code false}) or on (default); off accepts any server: tests only. */
        public Builder strictHostKeyChecking(boolean strict) {
            this.strictHostKeyChecking = strict;
            return this;
        }

        /** Sets whether loaded commits must be signed by trusted keys (default {@link SignaturePolicy#none()}). */
        public Builder signaturePolicy(SignaturePolicy policy) {
            this.signaturePolicy = requireNonNull(policy, "policy is null");
            return this;
        }

        /** Sets the largest file read, in bytes; a larger selected manifest is an error (default 8 MiB). */
        public Builder maxFileSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxFileSize must be positive");
            }
            this.maxFileSize = bytes;
            return this;
        }

        /** Sets the most files the selected folder may hold (default 50,000); more is an error. */
        public Builder maxFiles(int files) {
            if (files <= 0) {
                throw new IllegalArgumentException("maxFiles must be positive");
            }
            this.maxFiles = files;
            return this;
        }

        /** Sets the manifest loader (default {@link ManifestLoader#defaults()}). */
        public Builder manifestLoader(ManifestLoader loader) {
            this.loader = requireNonNull(loader, "loader is null");
            return this;
        }

        /** Uses a shared cache; sources on the same URL then share one clone and one fetch. */
        public Builder repositoryCache(RepositoryCache cache) {
            this.cache = requireNonNull(cache, "cache is null");
            return this;
        }

        /** Uses a private cache in {@code directory}, closed with the source (ignored with a shared cache). */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = requireNonNull(directory, "directory is null");
            return this;
        }

        /** Returns the source; throws {@link IllegalArgumentException} when the URI is missing or invalid. */
        public GitSource build() {
            if (uri == null) {
                throw new IllegalArgumentException("a repository uri is required");
            }
            return new GitSource(this);
        }
    }
}
