package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs independent reads of one operation (the LISTs and GETs of one observation, the group versions of one
 * discovery) at once, up to a bound, and hands their results back in the order they were asked for. The calling
 * thread does the first read itself; the others go to daemon threads that end when idle. When reads fail, the
 * failure of the first of them in that order is thrown, as a sequential loop would have thrown it, after every read
 * has finished. Thread-safe.
 */
public final class ParallelReads implements AutoCloseable {
    private static final long IDLE_SECONDS = 5;

    private final int concurrency;
    private final ExecutorService executor;

    private ParallelReads(int concurrency) {
        this.concurrency = concurrency;
        if (concurrency <= 1) {
            this.executor = null;
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(concurrency - 1, concurrency - 1, IDLE_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "gitops4j-k8s-read-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /**
     * Returns reads with up to {@code concurrency} under way at once, the calling thread's included.
     *
     * @param concurrency the bound; 1 reads one after the other on the calling thread
     * @return the reads
     * @throws IllegalArgumentException when {@code concurrency} is below 1
     */
    public static ParallelReads upTo(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        return new ParallelReads(concurrency);
    }

    /**
     * Returns reads that run one after the other on the calling thread.
     *
     * @return the reads
     */
    public static ParallelReads sequential() {
        return new ParallelReads(1);
    }

    /**
     * Reads each input and returns the results in the order of the inputs.
     *
     * @param inputs what to read
     * @param read the read of one input; called once per input, possibly on another thread
     * @param <I> the input type
     * @param <R> the result type
     * @return one result per input, in order
     * @throws RuntimeException the failure of the first read (in input order) that failed
     */
    public <I, R> List<R> each(List<I> inputs, Function<? super I, ? extends R> read) {
        requireNonNull(inputs, "inputs is null");
        requireNonNull(read, "read is null");
        if (executor == null || inputs.size() < 2 || executor.isShutdown()) {
            List<R> results = new ArrayList<>(inputs.size());
            for (I input : inputs) {
                results.add(read.apply(input));
            }
            return results;
        }
        List<CompletableFuture<R>> others = new ArrayList<>(inputs.size() - 1);
        for (I input : inputs.subList(1, inputs.size())) {
            others.add(CompletableFuture.supplyAsync(() -> read.apply(input), executor));
        }
        R first;
        RuntimeException failure = null;
        try {
            first = read.apply(inputs.get(0));
        } catch (RuntimeException e) {
            first = null;
            failure = e;
        }
        List<R> results = new ArrayList<>(inputs.size());
        results.add(first);
        for (CompletableFuture<R> other : others) {
            try {
                results.add(other.join());
            } catch (CompletionException e) {
                results.add(null);
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /**
     * Returns the bound given at creation.
     *
     * @return how many reads may be under way at once
     */
    public int concurrency() {
        return concurrency;
    }

    /** Stops the worker threads (they also end by themselves when idle). */
    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
