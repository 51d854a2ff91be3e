package io.gitops4j.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the {@link RunRecord}s of each application's runs on one target, beside its {@link Inventory}: the
 * engine records every run that was not a plan or a dry run (but for a converged run that repeats its last record:
 * a steady state writes nothing), and rollback picks from them.
 *
 * <p>The contract (proved by the testkit's {@code HistoryStoreContract}):
 * <ul>
 *   <li>{@link #record} numbers the record one past the highest sequence the application has on the store and
 *       keeps it; concurrent records of one application get distinct numbers;</li>
 *   <li>a store keeps a bounded number of records per application ({@value #DEFAULT_LIMIT} unless configured)
 *       and deletes the oldest beyond it;</li>
 *   <li>{@link #list} returns an application's records newest first (highest sequence first), and never those of
 *       another application.</li>
 * </ul>
 * Implementations are thread-safe. Failures are {@link io.gitops4j.TargetException}s.
 */
public interface HistoryStore {
    /** How many records per application a store keeps unless configured otherwise. */
    int DEFAULT_LIMIT = 200;

    /**
     * Returns a store that keeps nothing: {@link #record} returns the record unchanged and {@link #list} is
     * always empty. The history of a {@link io.gitops4j.target.Target} that has no place for one.
     *
     * @return the store that keeps nothing
     */
    static HistoryStore none() {
        return NoHistory.INSTANCE;
    }

    /**
     * Records one run, numbering it, and deletes the application's oldest records beyond the store's limit.
     *
     * @param record the run; its own sequence is ignored
     * @return the record as stored, with its sequence number
     */
    RunRecord record(RunRecord record);

    /**
     * Lists an application's records, newest first.
     *
     * @param application the application name
     * @return an unmodifiable list, empty when it never ran here
     */
    List<RunRecord> list(String application);

    /**
     * Returns the application's newest {@linkplain RunRecord#rollbackPoint() rollback point} whose revision is not
     * {@code currentRevisionId}: the last run that applied or converged another revision and became healthy. A run
     * whose health wait failed or timed out is never chosen.
     *
     * @param application the application name
     * @param currentRevisionId the revision id to move away from (usually the inventory's), or {@code ""}
     * @return the record to return to, or empty when there is none
     */
    default Optional<RunRecord> lastRollbackPoint(String application, String currentRevisionId) {
        requireNonNull(currentRevisionId, "currentRevisionId is null");
        return list(application).stream().filter(RunRecord::rollbackPoint)
                .filter(r -> !r.revision().orElseThrow().id().equals(currentRevisionId)).findFirst();
    }
}
