package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.Ordering;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;

/**
 * A {@link StateDiffer} that remembers each resource's diff and returns it again, without walking any tree, while
 * the inputs are the same: the desired content ({@link Resource#digest()}, computed once per object), the live
 * object's identity ({@code metadata.uid} + {@code resourceVersion} + {@code generation}) and the last-applied
 * content (its digest). When the target hands back the very same (immutable) objects as last time, as an informer
 * cache does, the hit reads nothing at all. This makes the usual run — same revision, nothing changed live — nearly
 * free.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Returns exactly what the wrapped differ returns for the same inputs; a hit is rebuilt around the current
 *       {@link Resource} and {@link LiveResource} objects.</li>
 *   <li>The wrapped differ must be a pure function of the desired, live and last-applied trees and its own
 *       configuration (as {@link DefaultStateDiffer} is).</li>
 *   <li>A live object without a uid or a resourceVersion is never matched by identity fields: only the very same
 *       object is recognised, else it is diffed. A resourceVersion is never trusted alone: a recreated object with
 *       a reused resourceVersion has a new uid, so it misses.</li>
 *   <li>It relies on the target's promise that uid + resourceVersion name one exact content of a live object, as
 *       the Kubernetes API guarantees. Use one caching differ per target (e.g. per engine): targets that number
 *       uids independently (like two in-memory targets) must not share one.</li>
 *   <li>Holds at most {@code maximumSize} entries (least recently used evicted), each a few digests and weak
 *       references, never trees.</li>
 * </ul>
 *
 * <p>It also remembers the last state diff it returned (which holds that run's desired and live objects until the
 * next call): when it is asked about the same {@link DesiredState} object and a live state made of the very same
 * {@link LiveResource} objects, it returns that state diff again without looking at any resource, and a later
 * state diff keeps every per-resource diff whose desired and live objects did not change.
 *
 * <p>Thread-safe: share it between the runs of one engine.
 */
public final class CachingStateDiffer implements StateDiffer {
    /** The default bound on cached resources. */
    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

    private final StateDiffer delegate;
    private final Cache<ResourceKey, CachedDiff> cache;
    private volatile LastDiff last;

    private CachingStateDiffer(StateDiffer delegate, long maximumSize) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, got " + maximumSize);
        }
        this.cache = CacheBuilder.newBuilder().maximumSize(maximumSize).build();
    }

    /**
     * Wraps a differ with a cache of {@link #DEFAULT_MAXIMUM_SIZE} resources.
     *
     * @param delegate the differ computing misses; a pure function of its inputs
     * @return the caching differ
     */
    public static CachingStateDiffer wrap(StateDiffer delegate) {
        return new CachingStateDiffer(delegate, DEFAULT_MAXIMUM_SIZE);
    }

    /**
     * Wraps a differ with a cache of at most {@code maximumSize} resources.
     *
     * @param delegate the differ computing misses; a pure function of its inputs
     * @param maximumSize how many resources to remember, at least 1
     * @return the caching differ
     * @throws IllegalArgumentException when {@code maximumSize} is below 1
     */
    public static CachingStateDiffer wrap(StateDiffer delegate, long maximumSize) {
        return new CachingStateDiffer(delegate, maximumSize);
    }

    @Override
    public StateDiff diff(DesiredState desired, LiveState live) {
        requireNonNull(desired, "desired is null");
        requireNonNull(live, "live is null");
        if (!isNatural(desired.resources().comparator()) || !isNatural(live.resources().comparator())) {
            return delegate.diff(desired, live);
        }
        LastDiff previous = last;
        if (previous != null && previous.sameInputs(desired, live)) {
            return previous.diff();
        }
        StateDiff result = StateDiff.ofMerged(mergeWalk(desired.resources(), live.resources(), previous));
        last = LastDiff.of(desired, live, result);
        return result;
    }

    /* Both maps are in key order: walking them side by side pairs each key with one comparison, instead of a
       binary search per key, and yields the diffs already sorted for the state diff. The previous state diff is
       walked alongside: a key whose desired and live objects are the very ones it holds keeps its diff as is. */
    private List<ResourceDiff> mergeWalk(SortedMap<ResourceKey, Resource> desired,
            SortedMap<ResourceKey, LiveResource> live, LastDiff previous) {
        List<ResourceDiff> diffs = new ArrayList<>(desired.size() + 8);
        PreviousCursor before = previous == null ? PreviousCursor.NONE : previous.cursor();
        Iterator<Resource> left = desired.values().iterator();
        Iterator<LiveResource> right = live.values().iterator();
        Resource d = left.hasNext() ? left.next() : null;
        LiveResource l = right.hasNext() ? right.next() : null;
        while (d != null || l != null) {
            ResourceDiff kept = d != null && l != null ? before.same(d, l) : null;
            if (kept != null) {
                diffs.add(kept);
                d = left.hasNext() ? left.next() : null;
                l = right.hasNext() ? right.next() : null;
                continue;
            }
            int order = d == null ? 1 : l == null ? -1 : d.key().compareTo(l.key());
            ResourceKey key = order <= 0 ? d.key() : l.key();
            Resource desiredObject = order <= 0 ? d : null;
            LiveResource liveObject = order >= 0 ? l : null;
            kept = before.find(key, desiredObject, liveObject);
            diffs.add(kept != null ? kept : diff(key, desiredObject, liveObject));
            if (order <= 0) {
                d = left.hasNext() ? left.next() : null;
            }
            if (order >= 0) {
                l = right.hasNext() ? right.next() : null;
            }
        }
        return diffs;
    }

    private static boolean sameKey(ResourceKey key, ResourceKey other) {
        return key == other || key.equals(other);
    }

    private static boolean isNatural(Comparator<?> comparator) {
        return comparator == null || comparator.equals(Comparator.naturalOrder())
                || comparator.equals(Ordering.natural());
    }

    @Override
    public ResourceDiff diff(ResourceKey key, Resource desired, LiveResource live) {
        requireNonNull(key, "key is null");
        if (desired == null || live == null || !sameKey(key, desired.key()) || !sameKey(key, live.key())) {
            return delegate.diff(key, desired, live);
        }
        CachedDiff cached = cache.getIfPresent(key);
        if (cached != null && cached.sameObjects(desired, live)) {
            return cached.rebuild(desired, live);
        }
        LiveIdentity identity = LiveIdentity.of(live);
        if (identity == null) {
            return delegate.diff(key, desired, live);
        }
        if (cached != null && cached.matches(desired, identity, live)) {
            cache.put(key, cached.withObjects(desired, live));
            return cached.rebuild(desired, live);
        }
        ResourceDiff computed = delegate.diff(key, desired, live);
        if (computed.type() == ChangeType.NONE || computed.type() == ChangeType.UPDATE) {
            cache.put(key, CachedDiff.of(computed, desired, identity, live));
        }
        return computed;
    }

    /**
     * Forgets every cached diff, e.g. after the wrapped differ's configuration changed elsewhere.
     */
    public void clear() {
        last = null;
        cache.invalidateAll();
    }

    @Override
    public String toString() {
        return "CachingStateDiffer{" + delegate + ", cached=" + cache.size() + "}";
    }
}
