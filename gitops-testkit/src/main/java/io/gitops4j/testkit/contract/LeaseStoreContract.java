package io.gitops4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.LeaseConflictException;
import io.gitops4j.cluster.LeaseRecord;
import io.gitops4j.cluster.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LeaseStore} keeps, as a JUnit 5 suite: extend it, implement {@link #newStore()}, and
 * the cases run against your store.
 *
 * <p>The cases: a missing lease reads as empty; a created lease reads back with every field and a version;
 * creating an existing name conflicts; an update at the stored version succeeds and moves the version; an update
 * at an old version conflicts and changes nothing; of many concurrent updates at one version exactly one wins;
 * listing by prefix returns exactly the matching leases, sorted. Lease names start with {@code contract-}.
 */
public abstract class LeaseStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-29T00:59:58.123456Z");
    private static final Duration LEASE = Duration.ofSeconds(15);

    /**
     * Creates the store under test, holding none of the contract's leases; each case gets its own.
     *
     * @return the store
     */
    protected abstract LeaseStore newStore();

    @Test
    void aMissingLeaseReadsAsEmpty() {
        assertThat(newStore().get("contract-missing")).isEmpty();
    }

    @Test
    void aCreatedLeaseReadsBackWithEveryFieldAndAVersion() {
        LeaseStore store = newStore();
        LeaseRecord created = store.create(new LeaseRecord("contract-a", "replica-1", LEASE, T0, T0.plusSeconds(3), 2,
                ""));
        LeaseRecord read = store.get("contract-a").orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(read.version()).isNotEmpty();
        assertThat(read.holder()).isEqualTo("replica-1");
        assertThat(read.duration()).isEqualTo(LEASE);
        assertThat(read.acquireTime()).isEqualTo(T0);
        assertThat(read.renewTime()).isEqualTo(T0.plusSeconds(3));
        assertThat(read.transitions()).isEqualTo(2);
    }

    @Test
    void creatingAnExistingNameConflicts() {
        LeaseStore store = newStore();
        store.create(LeaseRecord.acquired("contract-b", "replica-1", LEASE, T0));
        assertThatThrownBy(() -> store.create(LeaseRecord.acquired("contract-b", "replica-2", LEASE, T0)))
                .isInstanceOf(LeaseConflictException.class);
        assertThat(store.get("contract-b").orElseThrow().holder()).isEqualTo("replica-1");
    }

    @Test
    void anUpdateAtTheStoredVersionSucceedsAndMovesTheVersion() {
        LeaseStore store = newStore();
        LeaseRecord created = store.create(LeaseRecord.acquired("contract-c", "replica-1", LEASE, T0));
        LeaseRecord updated = store.update(created.heldBy("replica-2", LEASE, T0.plusSeconds(20)));
        assertThat(updated.version()).isNotEqualTo(created.version());
        assertThat(store.get("contract-c").orElseThrow()).isEqualTo(updated);
        assertThat(updated.holder()).isEqualTo("replica-2");
        assertThat(updated.transitions()).isEqualTo(1);
    }

    @Test
    void anUpdateAtAnOldVersionConflictsAndChangesNothing() {
        LeaseStore store = newStore();
        LeaseRecord created = store.create(LeaseRecord.acquired("contract-d", "replica-1", LEASE, T0));
        LeaseRecord renewed = store.update(created.renewed(T0.plusSeconds(2)));
        assertThatThrownBy(() -> store.update(created.heldBy("replica-2", LEASE, T0.plusSeconds(4))))
                .isInstanceOf(LeaseConflictException.class);
        assertThat(store.get("contract-d").orElseThrow()).isEqualTo(renewed);
    }

    @Test
    void ofManyConcurrentUpdatesAtOneVersionExactlyOneWins() throws Exception {
        LeaseStore store = newStore();
        LeaseRecord created = store.create(LeaseRecord.acquired("contract-e", "", LEASE, T0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String replica = "replica-" + i;
                Callable<Boolean> take = () -> {
                    try {
                        store.update(created.heldBy(replica, LEASE, T0.plusSeconds(1)));
                        return true;
                    } catch (LeaseConflictException e) {
                        return false;
                    }
                };
                attempts.add(pool.submit(take));
            }
            int winners = 0;
            for (Future<Boolean> attempt : attempts) {
                winners += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.get("contract-e").orElseThrow().holder()).startsWith("replica-");
    }

    @Test
    void listingByPrefixReturnsExactlyTheMatchingLeasesSorted() {
        LeaseStore store = newStore();
        store.create(LeaseRecord.acquired("contract-list-b", "x", LEASE, T0));
        store.create(LeaseRecord.acquired("contract-list-a", "y", LEASE, T0));
        store.create(LeaseRecord.acquired("contract-lisz", "z", LEASE, T0));
        assertThat(store.list("contract-list-")).extracting(LeaseRecord::name)
                .containsExactly("contract-list-a", "contract-list-b");
    }
}
