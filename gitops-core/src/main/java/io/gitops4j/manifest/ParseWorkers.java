package io.gitops4j.manifest;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one function over a list of inputs, a few at a time, and returns the outputs in input order.
 *
 * <p>The calling thread always takes part and takes inputs from the same queue as the helpers, so a load finishes
 * even when every helper is late or never runs (an embedder's executor that is busy or shut down): helpers only ever
 * shorten it. Helpers come from the executor given to {@link ManifestLoader.Builder#executor}, which its owner
 * starts and closes; without one, a load starts its own daemon threads, each of which ends as soon as no input is
 * left, so no thread outlives the load and there is nothing to close. Below {@link #MIN_INPUTS_PER_HELPER} inputs per
 * helper, fewer helpers are used (none for a handful of files). What the function throws is rethrown to the caller once every input is done; thread-safe.
 */
final class ParseWorkers {
    /** The fewest inputs for which one more helper is worth its start. */
    static final int MIN_INPUTS_PER_HELPER = 8;

    private final int parallelism;
    private final Executor executor;
    private final ThreadFactory threads = new ThreadFactoryBuilder().setNameFormat("gitops4j-manifest-parse-%d")
            .setDaemon(true).build();

    /**
     * @param parallelism the most threads working at once, the caller included
     * @param executor where helpers run, or {@code null} for daemon threads started per call
     */
    ParseWorkers(int parallelism, Executor executor) {
        this.parallelism = parallelism;
        this.executor = executor;
    }

    /** Returns how many helpers (besides the caller) a call over {@code inputs} inputs uses. */
    int helpersFor(int inputs) {
        return Math.max(0, Math.min(parallelism, inputs / MIN_INPUTS_PER_HELPER) - 1);
    }

    /** Applies {@code work} to every input; returns the outputs in input order once all are done. */
    <I, O> List<O> map(List<I> inputs, Function<I, O> work) {
        Object[] outputs = new Object[inputs.size()];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(inputs.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable drain = () -> {
            for (int i = next.getAndIncrement(); i < outputs.length; i = next.getAndIncrement()) {
                try {
                    outputs[i] = work.apply(inputs.get(i));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = helpersFor(inputs.size());
        for (int h = 0; h < helpers; h++) {
            start(drain);
        }
        drain.run();
        awaitUninterruptibly(done);
        rethrow(failure.get());
        @SuppressWarnings("unchecked")
        List<O> result = (List<O>) List.of(outputs);
        return result;
    }

    private void start(Runnable drain) {
        if (executor == null) {
            threads.newThread(drain).start();
            return;
        }
        try {
            executor.execute(drain);
        } catch (RejectedExecutionException e) {
            // the caller parses what this helper would have: slower, never wrong
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Waits for the inputs other threads took; an interrupt is kept for the caller, never a partial result. */
    private static void awaitUninterruptibly(CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
