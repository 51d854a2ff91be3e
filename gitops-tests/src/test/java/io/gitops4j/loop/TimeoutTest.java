package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.inventory.InventoryStore;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.target.ApplyResult;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.target.DeleteResult;
import io.gitops4j.target.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutTest {
    private final LoopFixture loop = new LoopFixture();
    private final ScriptedSource source = new ScriptedSource("repo");
    private Duration applyTakes = Duration.ZERO;

    @AfterEach
    void close() {
        loop.close();
    }

    /** The fixture's in-memory target, whose applies take {@link #applyTakes} of the manual clock. */
    private final Target slowTarget = new Target() {
        @Override
        public ResourceKey resolve(ResourceKey key) {
            return loop.target.resolve(key);
        }

        @Override
        public LiveState observe(Collection<ResourceKey> keys) {
            return loop.target.observe(keys);
        }

        @Override
        public ApplyResult apply(Resource resource, ApplyOptions options) {
            loop.clock.advance(applyTakes);
            return loop.target.apply(resource, options);
        }

        @Override
        public DeleteResult delete(ResourceKey key, DeleteOptions options) {
            return loop.target.delete(key, options);
        }

        @Override
        public InventoryStore inventoryStore() {
            return loop.target.inventoryStore();
        }
    };

    @Test
    void aRunPastItsDeadlineIsReportedAndTheNextRunComesOnTheIntervalNotABackOff() {
        // given applies so slow that the first of two passes the engine's 5-minute deadline
        source.commit("r1", "a=red", "b=blue");
        applyTakes = Duration.ofMinutes(6);

        // when
        loop.controller.add(loop.app("shop", source).target(slowTarget).interval(Duration.ofMinutes(10)).build());

        // then
        ApplicationStatus status = loop.controller.status("shop");
        assertThat(loop.controller.history("shop")).as(loop.controller.history("shop").toString()).last()
                .extracting(HistoryEntry::outcome).isEqualTo(Outcome.TIMED_OUT);
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).contains("deadline"));
        assertThat(status.syncState()).isEqualTo(SyncState.OUT_OF_SYNC);
        assertThat(status.consecutiveFailures()).isZero();
        Instant next = status.nextRun().orElseThrow();
        assertThat(Duration.between(loop.clock.instant(), next)).isEqualTo(Duration.ofMinutes(10));

        // when the target is fast again
        applyTakes = Duration.ZERO;
        loop.scheduler.advanceToNext();

        // then
        assertThat(loop.controller.status("shop").syncState()).isEqualTo(SyncState.SYNCED);
        assertThat(loop.controller.history("shop")).last().extracting(HistoryEntry::outcome)
                .isEqualTo(Outcome.APPLIED);
    }
}
