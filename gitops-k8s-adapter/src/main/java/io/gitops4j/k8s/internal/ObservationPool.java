package io.gitops4j.k8s.internal;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                new ThreadFactoryBuilder().setNameFormat("gitops4j-observe-%d").setDaemon(true).build());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
