package io.gitops4j.loop;

import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.source.SourceException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares {@link DesiredStateSource#latestRevisionId()} answers among sources with the same non-empty
 * {@link DesiredStateSource#fetchKey()}: an answer is reused by a caller when it was fetched after that caller's
 * previous check, so each repository is fetched about once per interval however many applications read it, and
 * no application sees an answer older than its previous one. Failures are shared the same way. Thread-safe; calls
 * for one key are serialised.
 */
final class SharedFetches {
    private final Clock clock;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    SharedFetches(Clock clock) {
        this.clock = clock;
    }

    /** The answer of one fetch: the id (or the failure), when it was fetched, and the id fetched before it. */
    record Answer(String revisionId, RuntimeException failure, Instant fetchedAt, String previousId) {
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
     * Returns the latest revision id of a source: a shared answer fetched after {@code previousCheck}, or a new
     * fetch.
     *
     * @param source the source
     * @param previousCheck when the caller's previous answer was fetched ({@link Instant#MIN} for none)
     * @param fresh whether to fetch anyway (a trigger)
     * @return the answer, failed or not
     */
    Answer latest(DesiredStateSource source, Instant previousCheck, boolean fresh) {
        String key = source.fetchKey();
        if (key.isEmpty()) {
            return fetch(source, null);
        }
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            if (!fresh && slot.answer != null && slot.answer.fetchedAt().isAfter(previousCheck)) {
                Answer shared = slot.answer;
                return new Answer(shared.revisionId(), shared.failure(), shared.fetchedAt(), shared.revisionId());
            }
            String previousId = slot.answer == null ? null : slot.lastId;
            slot.answer = fetch(source, previousId);
            if (slot.answer.revisionId() != null) {
                slot.lastId = slot.answer.revisionId();
            }
            return slot.answer;
        }
    }

    private Answer fetch(DesiredStateSource source, String previousId) {
        Instant at = clock.instant();
        try {
            String id = source.latestRevisionId();
            if (id == null || id.isEmpty()) {
                throw new SourceException(source.describe() + " reported no latest revision id; fix the source");
            }
            return new Answer(id, null, at, previousId);
        } catch (RuntimeException e) {
            return new Answer(null, e, at, previousId);
        }
    }

    /** The last answer for one key. Guarded by itself. */
    private static final class Slot {
        private Answer answer;
        private String lastId;
    }
}
