package io.gitops4j.reconcile;

import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.testkit.ForwardingTarget;
import io.gitops4j.testkit.InMemoryTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory target that accepts a number of concurrent applies and records, on one shared counter, when each
 * apply started and ended, and how many were under way at most. Optionally it makes applies finish in a given
 * order (an apply waits, bounded, until the apply it must follow has finished) or makes some applies wait until
 * they are all under way. Thread-safe.
 */
final class ConcurrentTarget extends ForwardingTarget {
    private final int concurrency;
    private final AtomicLong tick = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final Map<ResourceKey, Long> started = new ConcurrentHashMap<>();
    private final Map<ResourceKey, Long> ended = new ConcurrentHashMap<>();
    private final Map<ResourceKey, CountDownLatch> finished = new ConcurrentHashMap<>();
    private volatile Map<ResourceKey, ResourceKey> finishesAfter = Map.of();
    private volatile Map<ResourceKey, CountDownLatch> meetings = Map.of();

    ConcurrentTarget(InMemoryTarget cluster, int concurrency) {
        super(cluster);
        this.concurrency = concurrency;
    }

    /** Makes the apply of each key of the map finish only after the apply of its value has finished. */
    void finishInOrder(Map<ResourceKey, ResourceKey> after) {
        finishesAfter = Map.copyOf(after);
        after.values().forEach(key -> finished.put(key, new CountDownLatch(1)));
    }

    /** Makes the applies of some keys wait (bounded) until all of them are under way at once. */
    void meet(List<ResourceKey> keys) {
        CountDownLatch all = new CountDownLatch(keys.size());
        Map<ResourceKey, CountDownLatch> byKey = new HashMap<>();
        keys.forEach(key -> byKey.put(key, all));
        meetings = Map.copyOf(byKey);
    }

    InMemoryTarget cluster() {
        return (InMemoryTarget) delegate();
    }

    @Override
    public int applyConcurrency() {
        return concurrency;
    }

    @Override
    public ApplyResult apply(Resource resource, ApplyOptions options) {
        ResourceKey key = resource.key();
        started.put(key, tick.incrementAndGet());
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            CountDownLatch meeting = meetings.get(key);
            if (meeting != null) {
                meeting.countDown();
                await(meeting, key, null);
            }
            ResourceKey previous = finishesAfter.get(key);
            if (previous != null) {
                await(finished.get(previous), key, previous);
            }
            return super.apply(resource, options);
        } finally {
            running.decrementAndGet();
            ended.put(key, tick.incrementAndGet());
            CountDownLatch done = finished.get(key);
            if (done != null) {
                done.countDown();
            }
        }
    }

    private static void await(CountDownLatch latch, ResourceKey key, ResourceKey previous) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(key + " waited 30 s for "
                        + (previous == null ? "the others to start" : previous + " to finish"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long started(ResourceKey key) {
        return started.get(key);
    }

    long ended(ResourceKey key) {
        return ended.get(key);
    }

    int mostRunning() {
        return mostRunning.get();
    }
}
