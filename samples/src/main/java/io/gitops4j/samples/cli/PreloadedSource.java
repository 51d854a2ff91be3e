package io.gitops4j.samples.cli;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.source.ForwardingSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A source whose first {@link #load()} was started ahead, on a thread of its own, as soon as the command knew its
 * source: reading and parsing the manifests overlaps with opening the target (building the client, reaching the
 * API server), which otherwise come one after the other. The first {@code load()} returns that result, or throws
 * what it threw; every later call, and {@link #load(Revision)}, goes to the source itself. {@link #close()} waits for
 * the early load to end before closing the source, so a clone is never cut off half-written. Thread-safe when the
 * source is; the early load is the only call made on its thread.
 */
final class PreloadedSource extends ForwardingSource implements AutoCloseable {
    private final CompletableFuture<DesiredState> first;
    private boolean taken;

    private PreloadedSource(DesiredStateSource source) {
        super(source);
        this.first = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                first.complete(source.load());
            } catch (Throwable t) {
                first.completeExceptionally(t);
            }
        }, "gitops4j-preload");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Starts loading a source's latest state now.
     *
     * @param source the source
     * @return a source whose first {@link #load()} is that load
     */
    static PreloadedSource start(DesiredStateSource source) {
        return new PreloadedSource(requireNonNull(source, "source is null"));
    }

    @Override
    public DesiredState load() {
        synchronized (this) {
            if (taken) {
                return delegate().load();
            }
            taken = true;
        }
        try {
            return first.join();
        } catch (CompletionException e) {
            throw unwrapped(e.getCause());
        }
    }

    /** The source itself, for what only it can tell (its type, its resources to close). */
    DesiredStateSource source() {
        return delegate();
    }

    /** Waits for the early load to end (its outcome no longer matters), then closes the source if it can be. */
    @Override
    public void close() throws Exception {
        first.handle((state, failure) -> null).join();
        if (delegate() instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static RuntimeException unwrapped(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
