package io.gitops4j.testkit;

import static java.util.Objects.requireNonNull;

import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.SourceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A {@link DesiredStateSource} held in memory, for tests of anything that loads desired state: the test commits
 * revisions, the latest commit is what {@link #load()} returns, and {@link #load(Revision)} returns any revision
 * still held, which is how a rollback test reaches an earlier one.
 *
 * <pre>{@code
 * InMemorySource source = InMemorySource.of(DesiredState.of("r1", List.of(configMap)));
 * source.commit("r2", List.of(changedConfigMap));   // now the latest
 * source.failNextLoad("connection reset");          // the next load throws a SourceException, once
 * }</pre>
 *
 * <p>Committing an id the source already holds replaces that revision's content and makes it the latest again, as
 * a force-push would. Revisions committed as files ({@link #commitFiles}) are parsed on every load, so an invalid
 * manifest fails the load (with a {@link io.gitops4j.ManifestException} naming the file), not the commit.
 *
 * <p>Fault injection: {@link #failNextLoad(String)} (once) and {@link #failLoads(String)} (every load and every
 * {@link #latestRevisionId()}, as an unreachable server would), undone by {@link #clearFaults()}. Counters
 * ({@link #loadCount()}, {@link #fetchCount()}) and the revisions asked for ({@link #requestedRevisions()})
 * support assertions; {@link #onLoad(Runnable)} lets a test act while a load is under way.
 *
 * <p>Thread-safe: every operation is atomic; the load hook runs outside the source's lock.
 */
public final class InMemorySource implements DesiredStateSource {
    private final String description;
    private final String fetchKey;
    private final ManifestLoader loader;
    private final LinkedHashMap<String, Supplier<DesiredState>> revisions = new LinkedHashMap<>();
    private final List<Revision> requested = new ArrayList<>();
    private String latest;
    private String failNext;
    private String failAll;
    private int loads;
    private int fetches;
    private volatile Runnable onLoad = () -> { };

    private InMemorySource(Builder builder) {
        this.description = builder.description;
        this.fetchKey = builder.fetchKey;
        this.loader = builder.loader;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder with the defaults (described as {@code in-memory}, fetch answers never shared, the
     *     default manifest loader)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a source with the defaults that holds no revision yet: loading fails until the first commit.
     *
     * @return a new, empty source
     */
    public static InMemorySource create() {
        return builder().build();
    }

    /**
     * Returns a source with the defaults whose latest revision is the given state.
     *
     * @param initial the first revision
     * @return a new source
     */
    public static InMemorySource of(DesiredState initial) {
        InMemorySource source = create();
        source.commit(initial);
        return source;
    }

    /**
     * Commits a desired state under its revision id and makes it the latest.
     *
     * @param state the state; its revision is what loads return
     * @return the state's revision
     */
    public Revision commit(DesiredState state) {
        requireNonNull(state, "state is null");
        put(state.revision().id(), () -> state);
        return state.revision();
    }

    /**
     * Commits resources as a revision and makes it the latest; the digest is computed from the resources.
     *
     * @param revisionId the revision id, not empty
     * @param resources the resources, with distinct keys
     * @return the new revision, with its digest
     * @throws IllegalArgumentException when two resources share a key
     */
    public Revision commit(String revisionId, Collection<Resource> resources) {
        return commit(DesiredState.of(revisionId, resources));
    }

    /**
     * Commits manifest files as a revision and makes it the latest; they are parsed with this source's
     * {@link ManifestLoader} on every load of the revision, so invalid content fails the load.
     *
     * @param revisionId the revision id, not empty
     * @param files path (relative to the source's root) to UTF-8 content
     * @return the revision, without a digest (it is known once the files are parsed)
     */
    public Revision commitFiles(String revisionId, Map<String, String> files) {
        Revision revision = Revision.of(revisionId);
        TreeMap<String, byte[]> bytes = new TreeMap<>();
        files.forEach((path, content) -> bytes.put(path, content.getBytes(StandardCharsets.UTF_8)));
        put(revisionId, () -> loader.load(revisionId, bytes));
        return revision;
    }

    private synchronized void put(String revisionId, Supplier<DesiredState> content) {
        revisions.remove(revisionId);
        revisions.put(revisionId, content);
        latest = revisionId;
    }

    /**
     * Returns the ids of the revisions held, oldest first (a re-committed id counts as its last commit).
     *
     * @return a copy
     */
    public synchronized List<String> revisionIds() {
        return List.copyOf(revisions.keySet());
    }

    /**
     * Makes the next load (of the latest or of an exact revision) fail with a {@link SourceException}, once.
     *
     * @param reason what the failure says, e.g. {@code "connection reset"}
     * @return this source
     */
    public synchronized InMemorySource failNextLoad(String reason) {
        this.failNext = requireNonNull(reason, "reason is null");
        return this;
    }

    /**
     * Makes every load and every {@link #latestRevisionId()} fail, as an unreachable server would, until
     * {@link #clearFaults()}.
     *
     * @param reason what the failures say, e.g. {@code "connection refused"}
     * @return this source
     */
    public synchronized InMemorySource failLoads(String reason) {
        this.failAll = requireNonNull(reason, "reason is null");
        return this;
    }

    /**
     * Removes every injected fault.
     *
     * @return this source
     */
    public synchronized InMemorySource clearFaults() {
        failNext = null;
        failAll = null;
        return this;
    }

    /**
     * Sets a hook that runs at the start of every load, before any injected failure and outside the source's lock:
     * advance a manual clock, change the source or a target while a run is loading.
     *
     * @param hook what to run; replaces the previous hook
     * @return this source
     */
    public InMemorySource onLoad(Runnable hook) {
        this.onLoad = requireNonNull(hook, "hook is null");
        return this;
    }

    /**
     * Returns how many loads were asked for (of the latest and of exact revisions, failed ones included).
     *
     * @return the count
     */
    public synchronized int loadCount() {
        return loads;
    }

    /**
     * Returns how many times {@link #latestRevisionId()} was called (failed calls included).
     *
     * @return the count
     */
    public synchronized int fetchCount() {
        return fetches;
    }

    /**
     * Returns the revisions passed to {@link #load(Revision)}, in call order.
     *
     * @return a copy
     */
    public synchronized List<Revision> requestedRevisions() {
        return List.copyOf(requested);
    }

    @Override
    public synchronized String latestRevisionId() {
        fetches++;
        if (failAll != null) {
            throw unreachable(failAll);
        }
        return latestId();
    }

    @Override
    public DesiredState load() {
        onLoad.run();
        Supplier<DesiredState> content;
        synchronized (this) {
            startLoad();
            content = revisions.get(latestId());
        }
        return content.get();
    }

    @Override
    public DesiredState load(Revision revision) {
        requireNonNull(revision, "revision is null");
        onLoad.run();
        Supplier<DesiredState> content;
        synchronized (this) {
            requested.add(revision);
            startLoad();
            content = revisions.get(revision.id());
        }
        if (content == null) {
            throw new SourceException("no revision " + revision.id() + " in " + describe()
                    + "; it holds " + revisionIds());
        }
        DesiredState state = content.get();
        if (revision.hasDigest() && !revision.digest().equals(state.revision().digest())) {
            throw new SourceException("revision " + revision.id() + " in " + describe() + " has digest "
                    + state.revision().digest() + ", not the expected " + revision.digest());
        }
        return state;
    }

    /** Counts a load and throws an injected failure. Holds the lock. */
    private void startLoad() {
        loads++;
        if (failAll != null) {
            throw unreachable(failAll);
        }
        if (failNext != null) {
            String reason = failNext;
            failNext = null;
            throw unreachable(reason);
        }
    }

    private String latestId() {
        if (latest == null) {
            throw new SourceException(describe() + " holds no revision yet; commit one first");
        }
        return latest;
    }

    private SourceException unreachable(String reason) {
        return new SourceException("cannot reach " + description + ": " + reason);
    }

    @Override
    public String fetchKey() {
        return fetchKey;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Configures an {@link InMemorySource}. Not thread-safe; the source it builds is. */
    public static final class Builder {
        private String description = "in-memory";
        private String fetchKey = "";
        private ManifestLoader loader = ManifestLoader.defaults();

        private Builder() {
        }

        /**
         * Sets what {@link InMemorySource#describe()} returns and messages name (default {@code in-memory}).
         *
         * @param value a non-blank description
         * @return this builder
         */
        public Builder describe(String value) {
            requireNonNull(value, "description is null");
            if (value.isBlank()) {
                throw new IllegalArgumentException("the description must not be blank");
            }
            this.description = value;
            return this;
        }

        /**
         * Sets the key under which a loop may share this source's {@link InMemorySource#latestRevisionId()}
         * answers with other sources of the same key (default {@code ""}: never shared).
         *
         * @param value the key
         * @return this builder
         */
        public Builder fetchKey(String value) {
            this.fetchKey = requireNonNull(value, "fetchKey is null");
            return this;
        }

        /**
         * Sets the loader that parses revisions committed as files (default {@link ManifestLoader#defaults()}).
         *
         * @param value the loader
         * @return this builder
         */
        public Builder loader(ManifestLoader value) {
            this.loader = requireNonNull(value, "loader is null");
            return this;
        }

        /**
         * Builds the source.
         *
         * @return a new source holding no revision
         */
        public InMemorySource build() {
            return new InMemorySource(this);
        }
    }
}
