package io.gitops4j.loop;

import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares {@link DesiredStateSource#latestRevisionId()} answers among sources with the same non-empty
 * {@link DesiredStateSource#fetchKey()}: each fetch of a key gets the next generation number, and a caller reuses
 * the last answer when it has not seen that generation yet (it was fetched after the caller's previous check), so
 * each repository is fetched about once per interval however many applications read it, and no application sees
 * an answer older than its previous one. Failures are shared the same way. Thread-safe; calls for one key are
 * serialised.
 */
final class SharedFetches {
    private final Clock clock;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    SharedFetches(Clock clock) {
        this.clock = clock;
    }

    /**
     * The answer of one fetch: the id (or the failure), when it was fetched, the id fetched before it, and how long
     * the fetch took ({@code null} when the answer was shared from an earlier fetch).
     */
    record Answer(String revisionId, RuntimeException failure, Instant fetchedAt, long generation,
                  String previousId, Duration took) {
        boolean changed() {
            return revisionId != null && previousId != null && !previousId.equals(revisionId);
        }

        String revisionIdOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return revisionId;
        }
    }

    /**
     * Returns the latest revision id of a source: the shared answer when its generation is above
     * {@code reuseAbove}, or a new fetch.
     *
     * @param source the source
     * @param reuseAbove the generation of the caller's previous answer (0 for none), or of the last answer when
     *     a trigger asked for a fetch after it
     * @return the answer, failed or not
     */
    Answer latest(DesiredStateSource source, long reuseAbove) {
        String key = source.fetchKey();
        if (key.isEmpty()) {
            return fetch(source, 0, null);
        }
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            if (slot.answer != null && slot.answer.generation() > reuseAbove) {
                Answer shared = slot.answer;
                return new Answer(shared.revisionId(), shared.failure(), shared.fetchedAt(), shared.generation(),
                        shared.revisionId(), null);
            }
            slot.answer = fetch(source, slot.answer == null ? 1 : slot.answer.generation() + 1, slot.lastId);
            if (slot.answer.revisionId() != null) {
                slot.lastId = slot.answer.revisionId();
            }
            return slot.answer;
        }
    }

    /**
     * Returns the generation of the last answer for a key: a caller that needs an answer fetched after now asks
     * {@link #latest} to reuse only answers above it.
     *
     * @param key a fetch key; {@code ""} gives 0
     * @return the generation, 0 when never fetched
     */
    long generation(String key) {
        Slot slot = key.isEmpty() ? null : slots.get(key);
        if (slot == null) {
            return 0;
        }
        synchronized (slot) {
            return slot.answer == null ? 0 : slot.answer.generation();
        }
    }

    private Answer fetch(DesiredStateSource source, long generation, String previousId) {
        Instant at = clock.instant();
        try {
            String id = source.latestRevisionId();
            if (id == null || id.isEmpty()) {
                throw new SourceException(source.describe() + " reported no latest revision id; fix the source");
            }
            return new Answer(id, null, at, generation, previousId, Duration.between(at, clock.instant()));
        } catch (RuntimeException e) {
            return new Answer(null, e, at, generation, previousId, Duration.between(at, clock.instant()));
        }
    }

    /** The last answer for one key. Guarded by itself. */
    private static final class Slot {
        private Answer answer;
        private String lastId;
    }
}
