package io.gitops4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.inventory.HistoryStore;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.inventory.RunRecord.HealthOutcome;
import io.gitops4j.inventory.RunRecord.Outcome;
import io.gitops4j.model.Revision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link HistoryStore} keeps, as a JUnit 5 suite: extend it, implement {@link #newStore(int)},
 * and the cases run against your store.
 *
 * <p>The cases: an application that never ran lists nothing; records are numbered from 1 and listed newest first
 * with every field as recorded; applications do not see each other's records; the oldest records beyond the
 * limit are deleted; concurrent records of one application get distinct numbers and are all kept; the last
 * rollback point is the newest healthy applied run of another revision, never a run whose health wait failed.
 * Application names are short DNS labels starting with {@code contract-}.
 */
public abstract class HistoryStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Revision R1 = new Revision("0f3c9a1d2b4e6f8091a2b3c4d5e6f708192a3b4c",
            "sha256:7d4e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6");
    private static final Revision R2 = new Revision("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", "sha256:22");
    private static final Revision R3 = new Revision("2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e", "sha256:33");

    /**
     * Creates the store under test, empty of the contract's applications; each case gets its own.
     *
     * @param limit how many records per application it keeps
     * @return the store
     */
    protected abstract HistoryStore newStore(int limit);

    private static RunRecord run(String application, Revision revision, Outcome outcome, HealthOutcome health,
            int minute) {
        return RunRecord.builder(application).revision(revision).outcome(outcome).health(health)
                .times(T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute + 7)).runBy("alice@laptop")
                .counts(3, 1, outcome == Outcome.FAILED ? 1 : 0)
                .error(outcome == Outcome.FAILED ? "Deployment/shop/web: admission webhook denied the request" : "")
                .build();
    }

    @Test
    void anApplicationThatNeverRanListsNothing() {
        assertThat(newStore(10).list("contract-unknown")).isEmpty();
    }

    @Test
    void recordsAreNumberedFromOneAndListedNewestFirstAsRecorded() {
        HistoryStore store = newStore(10);
        RunRecord first = run("contract-shop", R1, Outcome.APPLIED, HealthOutcome.HEALTHY, 0);
        RunRecord second = run("contract-shop", R2, Outcome.FAILED, HealthOutcome.NOT_ASSESSED, 1);
        RunRecord third = RunRecord.builder("contract-shop").outcome(Outcome.FAILED).times(T0, T0).build();

        RunRecord storedFirst = store.record(first);
        store.record(second);
        store.record(third);

        assertThat(storedFirst.sequence()).isEqualTo(1);
        assertThat(store.list("contract-shop")).containsExactly(third.newBuilder().sequence(3).build(),
                second.newBuilder().sequence(2).build(), first.newBuilder().sequence(1).build());
    }

    @Test
    void applicationsDoNotSeeEachOthersRecords() {
        HistoryStore store = newStore(10);
        store.record(run("contract-a", R1, Outcome.APPLIED, HealthOutcome.HEALTHY, 0));
        store.record(run("contract-b", R2, Outcome.APPLIED, HealthOutcome.HEALTHY, 1));

        assertThat(store.list("contract-a")).extracting(RunRecord::application).containsExactly("contract-a");
        assertThat(store.list("contract-b")).extracting(r -> r.revision().orElseThrow()).containsExactly(R2);
    }

    @Test
    void theOldestRecordsBeyondTheLimitAreDeleted() {
        HistoryStore store = newStore(3);
        for (int i = 0; i < 5; i++) {
            store.record(run("contract-shop", R1, Outcome.CONVERGED, HealthOutcome.NOT_ASSESSED, i));
        }

        assertThat(store.list("contract-shop")).extracting(RunRecord::sequence).containsExactly(5L, 4L, 3L);
    }

    @Test
    void concurrentRecordsOfOneApplicationGetDistinctNumbers() throws Exception {
        HistoryStore store = newStore(50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RunRecord>> records = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int minute = i;
                records.add(pool.submit(() -> store.record(run("contract-shop", R1, Outcome.APPLIED,
                        HealthOutcome.HEALTHY, minute))));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<RunRecord> record : records) {
                numbers.add(record.get(30, TimeUnit.SECONDS).sequence());
            }
            assertThat(numbers).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isBetween(1L, 8L));
            assertThat(store.list("contract-shop")).hasSize(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLastRollbackPointIsTheNewestHealthyRunOfAnotherRevision() {
        HistoryStore store = newStore(10);
        store.record(run("contract-shop", R1, Outcome.APPLIED, HealthOutcome.HEALTHY, 0));
        store.record(run("contract-shop", R2, Outcome.APPLIED, HealthOutcome.UNHEALTHY, 1));
        store.record(run("contract-shop", R2, Outcome.CONVERGED, HealthOutcome.NOT_ASSESSED, 2));
        store.record(run("contract-shop", R3, Outcome.APPLIED, HealthOutcome.HEALTHY, 3));

        assertThat(store.lastRollbackPoint("contract-shop", R3.id()).flatMap(RunRecord::revision)).contains(R1);
        assertThat(store.lastRollbackPoint("contract-shop", R1.id()).flatMap(RunRecord::revision)).contains(R3);
        assertThat(store.lastRollbackPoint("contract-other", "")).isEmpty();
    }
}
