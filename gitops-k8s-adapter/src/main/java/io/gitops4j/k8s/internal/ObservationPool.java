package io.gitops4j.k8s.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one target reads groups of live objects on side by side: at most a given number, daemon threads named
 * {@code gitops4j-observe-<n>}, idle ones ending after 30 s. Owned by the target, which shuts it down.
 */
public final class ObservationPool {
    private ObservationPool() {
    }

    /**
     * Creates a pool.
     *
     * @param threads at most this many threads, at least 1
     * @return the executor; shut it down when done
     */
    public static ExecutorService create(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "gitops4j-observe-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
