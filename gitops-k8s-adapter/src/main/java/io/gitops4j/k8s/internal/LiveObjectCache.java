package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.ResourceKey;
import java.util.function.Function;

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
 * {@code 0} remembers nothing. Thread-safe; a stale entry (after a race with a deletion) is harmless, since it never
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
        if (entries == null) {
            return build.apply(object);
        }
        Version seen = Version.of(object);
        Entry remembered = entries.getIfPresent(key);
        if (seen != null && remembered != null && remembered.version().equals(seen)) {
            return remembered.live();
        }
        LiveResource built = build.apply(object);
        if (seen == null) {
            entries.invalidate(key);
        } else {
            entries.put(key, new Entry(seen, built));
        }
        return built;
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
     * Returns how many objects are remembered (approximately, under concurrent use).
     *
     * @return the number of entries
     */
    public long size() {
        return entries == null ? 0 : entries.size();
    }

    /** Which exact state of which object a server reported: equal versions name the same content. */
    private record Version(String uid, String resourceVersion, String apiVersion) {

        /** Returns the version of an object, or {@code null} when it lacks a uid or a resourceVersion. */
        static Version of(GenericKubernetesResource object) {
            ObjectMeta metadata = object.getMetadata();
            if (metadata == null || isEmpty(metadata.getUid()) || isEmpty(metadata.getResourceVersion())) {
                return null;
            }
            return new Version(metadata.getUid(), metadata.getResourceVersion(), object.getApiVersion());
        }

        private static boolean isEmpty(String value) {
            return value == null || value.isEmpty();
        }
    }

    /** A remembered live resource and the version of the object it was built from. */
    private record Entry(Version version, LiveResource live) {
    }
}
