package io.gitops4j.inventory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link HistoryStore} that keeps records in memory, for tests, demos and targets without a place to persist
 * them. Records are lost when the process ends.
 *
 * <p>Thread-safe: records of one store are numbered and kept one at a time.
 */
public final class InMemoryHistoryStore implements HistoryStore {
    private final int limit;
    private final Map<String, Deque<RunRecord>> records = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    /** Creates an empty store keeping {@value HistoryStore#DEFAULT_LIMIT} records per application. */
    public InMemoryHistoryStore() {
        this(DEFAULT_LIMIT);
    }

    /**
     * Creates an empty store.
     *
     * @param limit how many records per application to keep, at least 1
     */
    public InMemoryHistoryStore(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public synchronized RunRecord record(RunRecord record) {
        requireNonNull(record, "record is null");
        long next = sequences.merge(record.application(), 1L, Long::sum);
        RunRecord stored = record.newBuilder().sequence(next).build();
        Deque<RunRecord> kept = records.computeIfAbsent(record.application(), a -> new ArrayDeque<>());
        kept.addFirst(stored);
        while (kept.size() > limit) {
            kept.removeLast();
        }
        return stored;
    }

    @Override
    public synchronized List<RunRecord> list(String application) {
        requireNonNull(application, "application is null");
        return List.copyOf(records.getOrDefault(application, new ArrayDeque<>()));
    }

    /**
     * Forgets an application's records.
     *
     * @param application the application name
     */
    public synchronized void remove(String application) {
        requireNonNull(application, "application is null");
        records.remove(application);
        sequences.remove(application);
    }

    /** Renders as {@code InMemoryHistoryStore{limit=...}}. */
    @Override
    public String toString() {
        return "InMemoryHistoryStore{limit=" + limit + "}";
    }
}
