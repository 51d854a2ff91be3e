package io.gitops4j.reconcile;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * Runs the work of one stage of a plan with at most a bounded number of items under way at once, and returns the
 * results in the order of the items, whatever order they finish in. With a bound of 1, or a single item, the work
 * runs on the calling thread, one item after the other, as a sequential engine would. Worker threads are started
 * only when a stage first needs them, carry the caller's MDC, and stop in {@link #close()}. A call returns only
 * when every item of it has finished, so the next stage never overlaps this one. Not thread-safe; one per run.
 */
final class StageExecutor implements AutoCloseable {
    private final int concurrency;
    private final String threadPrefix;
    private ExecutorService pool;

    /**
     * Creates an executor.
     *
     * @param concurrency how many items may run at once, at least 1
     * @param application whose run it serves, to name the worker threads
     */
    StageExecutor(int concurrency, String application) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
        this.threadPrefix = "gitops4j-apply-" + application + "-";
    }

    /**
     * Runs the work of every item and returns the results in item order.
     *
     * @param items the items, in plan order
     * @param work what to do with one item; expected to turn its own failures into results
     * @param interrupted the result of an item the caller's interruption stopped or kept from running
     * @return one result per item, in item order
     * @throws RuntimeException or {@link Error} that the work threw (the other items are cancelled)
     */
    <T, R> List<R> run(List<T> items, Function<T, R> work, Function<T, R> interrupted) {
        if (concurrency == 1 || items.size() < 2) {
            List<R> results = new ArrayList<>(items.size());
            for (T item : items) {
                results.add(work.apply(item));
            }
            return results;
        }
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool().submit(() -> withMdc(mdc, () -> work.apply(item))));
        }
        return collect(items, futures, interrupted);
    }

    private <T, R> List<R> collect(List<T> items, List<Future<R>> futures, Function<T, R> interrupted) {
        List<R> results = new ArrayList<>(items.size());
        boolean stopped = false;
        for (int i = 0; i < items.size(); i++) {
            Future<R> future = futures.get(i);
            if (stopped) {
                future.cancel(true);
            }
            try {
                results.add(stopped && !future.isDone() ? interrupted.apply(items.get(i)) : future.get());
            } catch (InterruptedException e) {
                stopped = true;
                future.cancel(true);
                results.add(interrupted.apply(items.get(i)));
            } catch (CancellationException e) {
                results.add(interrupted.apply(items.get(i)));
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw rethrown(e.getCause());
            }
        }
        if (stopped) {
            Thread.currentThread().interrupt();
        }
        return results;
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(cause);
    }

    private static <R> R withMdc(Map<String, String> mdc, java.util.function.Supplier<R> call) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        if (mdc == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(mdc);
        }
        try {
            return call.get();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    private ExecutorService pool() {
        if (pool == null) {
            ThreadFactory threads = new ThreadFactoryBuilder().setNameFormat(threadPrefix.replace("%", "%%") + "%d")
                    .setDaemon(true).build();
            pool = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    threads);
        }
        return pool;
    }

    /** Stops the worker threads, if any were started. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
