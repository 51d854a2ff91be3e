package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.ResourceKey;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The live objects an observer last built, by key, each with the {@code metadata.uid}, {@code resourceVersion} and
 * {@code apiVersion} of the object it was built from, so that an object the server reports unchanged is answered
 * with the very same {@link LiveResource} instance, as an informer cache does: no conversion, no last-applied
 * reconstruction, and the engine recognises it by identity and reuses its last diff.
 *
 * <p>Correct by construction: an entry is only ever returned for an object with exactly the uid and
 * resourceVersion it was built from, and the API server guarantees that these two name one content of one object
 * (managed fields included: a change of them is a write with a new resourceVersion). An object without a uid or a
 * resourceVersion is never remembered. Bounded: at most {@code maximumSize} entries, least recently used evicted;
 * {@code 0} remembers nothing. Beside the live objects it remembers what a write returned (uid and resourceVersion
 * only) and which objects were last found absent, so that an apply can tell created, configured and unchanged
 * from what it last saw without reading the object first ({@link #seen}). Thread-safe; a stale entry (after a race with a deletion) is harmless, since it never
 * matches a recreated object (new uid) and is replaced or dropped by the next observation of its key.
 */
public final class LiveObjectCache {
    private final Cache<ResourceKey, Entry> entries;

    private LiveObjectCache(long maximumSize) {
        this.entries = maximumSize == 0 ? null : CacheBuilder.newBuilder().maximumSize(maximumSize).build();
    }

    /**
     * Creates a cache.
     *
     * @param maximumSize how many objects to remember, {@code 0} for none
     * @return the cache
     * @throws IllegalArgumentException when {@code maximumSize} is negative
     */
    public static LiveObjectCache ofMaximumSize(long maximumSize) {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("maximumSize must not be negative, got " + maximumSize);
        }
        return new LiveObjectCache(maximumSize);
    }

    /**
     * Returns the remembered live resource of an object when it was built from the same uid, resourceVersion and
     * apiVersion; otherwise builds it, remembers it (when the object has a uid and a resourceVersion) and returns it.
     *
     * @param key the object's resolved key
     * @param object the object as the server just returned it
     * @param build converts an object to a live resource; called at most once
     * @return the remembered or the newly built live resource
     */
    public LiveResource reuseOrBuild(ResourceKey key, GenericKubernetesResource object,
            Function<GenericKubernetesResource, LiveResource> build) {
        requireNonNull(key, "key is null");
        return reuseOrBuild(key, entries == null ? null : Version.of(object), () -> build.apply(object));
    }

    /**
     * Returns the remembered live resource of an object read as a tree, as
     * {@link #reuseOrBuild(ResourceKey, GenericKubernetesResource, Function)} does.
     *
     * @param key the object's resolved key
     * @param object the object as the server just returned it
     * @param build converts an object to a live resource; called at most once
     * @return the remembered or the newly built live resource
     */
    public LiveResource reuseOrBuild(ResourceKey key, ObjectNode object, Function<ObjectNode, LiveResource> build) {
        requireNonNull(key, "key is null");
        return reuseOrBuild(key, entries == null ? null : Version.of(object), () -> build.apply(object));
    }

    private LiveResource reuseOrBuild(ResourceKey key, Version seen, Supplier<LiveResource> build) {
        if (entries == null) {
            return build.get();
        }
        Entry remembered = entries.getIfPresent(key);
        if (seen != null && remembered != null && remembered.live() != null && seen.equals(remembered.version())) {
            return remembered.live();
        }
        LiveResource built = build.get();
        if (seen == null) {
            entries.invalidate(key);
        } else {
            entries.put(key, new Entry(seen, built));
        }
        return built;
    }

    /**
     * Remembers that an object was just found absent (a GET answered 404, or a LIST did not hold it), so that an
     * apply right after it knows it creates the object without asking again.
     *
     * @param key the object's resolved key
     */
    public void absent(ResourceKey key) {
        if (entries != null) {
            entries.put(requireNonNull(key, "key is null"), Entry.ABSENT);
        }
    }

    /**
     * Remembers the uid and resourceVersion of an object a write just returned as a tree, without building its live
     * resource (the next observation builds it, once, if it is still that version).
     *
     * @param key the object's resolved key
     * @param object the object as the server returned it
     */
    public void written(ResourceKey key, ObjectNode object) {
        if (entries == null) {
            return;
        }
        Version version = Version.of(object);
        if (version == null) {
            entries.invalidate(key);
        } else {
            entries.put(key, new Entry(version, null));
        }
    }

    /**
     * Returns what is remembered of an object's last observation or write: absent, present with a uid and
     * resourceVersion, or unknown.
     *
     * @param key the object's resolved key
     * @return what was last seen of it
     */
    public Seen seen(ResourceKey key) {
        Entry entry = entries == null ? null : entries.getIfPresent(requireNonNull(key, "key is null"));
        if (entry == null) {
            return Seen.UNKNOWN;
        }
        return entry.version() == null ? Seen.ABSENT
                : new Seen(true, entry.version().uid(), entry.version().resourceVersion());
    }

    /**
     * What was last seen of one object.
     *
     * @param known whether anything is remembered; when not, the other components are {@code null}
     * @param uid the uid it had, {@code null} when it was absent
     * @param resourceVersion the resourceVersion it had, {@code null} when it was absent
     */
    public record Seen(boolean known, String uid, String resourceVersion) {
        /** Nothing remembered. */
        public static final Seen UNKNOWN = new Seen(false, null, null);
        /** Found absent. */
        public static final Seen ABSENT = new Seen(true, null, null);

        /**
         * Tells whether the object was found absent.
         *
         * @return {@code true} when known and absent
         */
        public boolean absent() {
            return known && uid == null;
        }
    }

    /**
     * Drops what is remembered of an object, e.g. because it is gone or was deleted through the target.
     *
     * @param key the object's resolved key
     */
    public void forget(ResourceKey key) {
        if (entries != null) {
            entries.invalidate(requireNonNull(key, "key is null"));
        }
    }

    /**
     * Returns how many live objects are remembered for reuse (approximately, under concurrent use); what is
     * remembered only of writes and absences is not counted.
     *
     * @return the number of remembered live objects
     */
    public long size() {
        return entries == null ? 0 : entries.asMap().values().stream().filter(entry -> entry.live() != null).count();
    }

    /** Which exact state of which object a server reported: equal versions name the same content. */
    private record Version(String uid, String resourceVersion, String apiVersion) {

        /** Returns the version of an object, or {@code null} when it lacks a uid or a resourceVersion. */
        static Version of(GenericKubernetesResource object) {
            ObjectMeta metadata = object.getMetadata();
            return metadata == null ? null
                    : of(metadata.getUid(), metadata.getResourceVersion(), object.getApiVersion());
        }

        /** Returns the version of an object read as a tree, or {@code null} when it lacks a uid or resourceVersion. */
        static Version of(ObjectNode object) {
            JsonNode metadata = object.path("metadata");
            return of(metadata.path("uid").asText(""), metadata.path("resourceVersion").asText(""),
                    object.path("apiVersion").textValue());
        }

        /** Returns a version, or {@code null} when the uid or the resourceVersion is missing. */
        static Version of(String uid, String resourceVersion, String apiVersion) {
            return isEmpty(uid) || isEmpty(resourceVersion) ? null : new Version(uid, resourceVersion, apiVersion);
        }

        private static boolean isEmpty(String value) {
            return value == null || value.isEmpty();
        }
    }

    /**
     * A remembered live resource and the version of the object it was built from; a version without a live resource
     * (a write's answer, not yet built), or neither (the object was found absent).
     */
    private record Entry(Version version, LiveResource live) {
        static final Entry ABSENT = new Entry(null, null);
    }
}
