package io.gitops4j.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.health.Health;
import io.gitops4j.inventory.RunRecord;
import io.gitops4j.inventory.RunRecord.HealthOutcome;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.target.DeleteOptions;
import io.gitops4j.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine records every run that is not a plan or a dry run in the target's history store, but for converged runs
 * that repeat its last record.
 */
class RunRecordsTest {
    private final ManualClock clock = ManualClock.create();
    private final InMemoryTarget target = InMemoryTarget.builder().healthAssessor(live ->
            live.key().name().startsWith("slow") ? Optional.of(Health.progressing("rolling out")) : Optional.empty())
            .build();
    private final InMemorySource source = InMemorySource.of(DesiredState.of("r1",
            List.of(TestObjects.configMap("a"))));

    private GitOpsEngine engine(String runBy) {
        GitOpsEngine.Builder builder = GitOpsEngine.builder().application("shop").source(source).target(target)
                .clock(clock).sleeper(clock).healthPollInterval(Duration.ofSeconds(1));
        return runBy == null ? builder.build() : builder.runBy(runBy).build();
    }

    private List<RunRecord> records() {
        return target.historyStore().list("shop");
    }

    @Test
    void everyRunButPlansAndDryRunsIsRecordedWithWhatItDidAndWhoRanIt() {
        // given
        GitOpsEngine engine = engine("alice@laptop");

        // when it plans, dry-runs, applies, converges and applies a change that prunes
        engine.plan();
        engine.reconcile(ReconcileOptions.builder().dryRun(true).build());
        engine.reconcile();
        engine.reconcile();
        source.commit(DesiredState.of("r2", List.of(TestObjects.configMap("b"))));
        engine.reconcile(ReconcileOptions.builder().allowLargePrune().build());

        // then three runs are recorded, newest first
        assertThat(records()).extracting(RunRecord::outcome).containsExactly(RunRecord.Outcome.APPLIED,
                RunRecord.Outcome.CONVERGED, RunRecord.Outcome.APPLIED);
        RunRecord last = records().get(0);
        assertThat(last.revision().map(Revision::id)).contains("r2");
        assertThat(last.revision().map(Revision::digest)).contains(source.load().revision().digest());
        assertThat(last.applied()).isEqualTo(1);
        assertThat(last.pruned()).isEqualTo(1);
        assertThat(last.failed()).isZero();
        assertThat(last.runBy()).isEqualTo("alice@laptop");
        assertThat(last.started()).isEqualTo(clock.instant());
        assertThat(records().get(1).health()).isEqualTo(HealthOutcome.NOT_ASSESSED);
        assertThat(records().get(2).health()).isEqualTo(HealthOutcome.HEALTHY);
    }

    @Test
    void aSteadyStateIsRecordedOnceNotOncePerRun() {
        // given an engine that applied and then converged
        GitOpsEngine engine = engine("alice@laptop");
        engine.reconcile();
        engine.reconcile();

        // when it converges three more times, then applies a drift fix and converges again
        engine.reconcile();
        engine.reconcile();
        engine.reconcile();
        target.delete(TestObjects.configMap("a").key(), DeleteOptions.DEFAULT);
        ReconcileResult fix = engine.reconcile();
        engine.reconcile();
        engine.reconcile();

        // then only the changes and the first converged run after each are recorded
        assertThat(fix.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(records()).extracting(RunRecord::outcome).containsExactly(RunRecord.Outcome.CONVERGED,
                RunRecord.Outcome.APPLIED, RunRecord.Outcome.CONVERGED, RunRecord.Outcome.APPLIED);
    }

    @Test
    void aConvergedRunAtAnotherRevisionOrByAnotherRunnerIsRecorded() {
        // given a steady state recorded once
        GitOpsEngine engine = engine("alice@laptop");
        engine.reconcile();
        engine.reconcile();

        // when a commit changes nothing live (same objects, new revision), and another runner converges too
        source.commit(DesiredState.of("r1-again", List.of(TestObjects.configMap("a"))));
        engine.reconcile();
        engine.reconcile();
        engine("bob@ci").reconcile();

        // then each new fact is one record
        assertThat(records()).extracting(r -> r.revision().orElseThrow().id() + " " + r.outcome() + " " + r.runBy())
                .containsExactly("r1-again CONVERGED bob@ci", "r1-again CONVERGED alice@laptop",
                        "r1 CONVERGED alice@laptop", "r1 APPLIED alice@laptop");
    }

    @Test
    void recordEveryRunKeepsEveryConvergedRun() {
        // given
        GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(source).target(target).clock(clock)
                .recordEveryRun(true).build();

        // when
        engine.reconcile();
        engine.reconcile();
        engine.reconcile();
        engine.reconcile();

        // then
        assertThat(records()).extracting(RunRecord::outcome).containsExactly(RunRecord.Outcome.CONVERGED,
                RunRecord.Outcome.CONVERGED, RunRecord.Outcome.CONVERGED, RunRecord.Outcome.APPLIED);
    }

    @Test
    void theDefaultRunnerIsUserAtHost() {
        // when
        engine(null).reconcile();

        // then
        assertThat(records()).singleElement().extracting(RunRecord::runBy).asString()
                .startsWith(System.getProperty("user.name") + "@").doesNotEndWith("@");
    }

    @Test
    void aRunWhoseHealthWaitTimedOutIsRecordedUnhealthyNotAsAHealthyApply() {
        // given a resource that never becomes healthy
        source.commit(DesiredState.of("r2", List.of(TestObjects.configMap("slow-web"))));

        // when the run waits for it, and another run does not wait
        ReconcileResult waited = engine(null).reconcile(ReconcileOptions.builder()
                .healthTimeout(Duration.ofSeconds(5)).build());
        source.commit(DesiredState.of("r3", List.of(TestObjects.configMap("slow-api"))));
        engine(null).reconcile(ReconcileOptions.builder().allowLargePrune().build());

        // then the waited run applied but is recorded unhealthy; the other progressing; neither a rollback point
        assertThat(waited.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(records()).extracting(RunRecord::health)
                .containsExactly(HealthOutcome.PROGRESSING, HealthOutcome.UNHEALTHY);
        assertThat(records().get(1).error()).contains("not healthy", "slow-web");
        assertThat(records()).noneMatch(RunRecord::rollbackPoint);
        assertThat(target.historyStore().lastRollbackPoint("shop", "")).isEmpty();
    }

    @Test
    void aFailedLoadIsRecordedWithoutRevisionAndCredentialsInItsErrorAreMasked() {
        // given a source whose error echoes credentials
        source.failNextLoad("cannot fetch https://bob:hunter2@git.example.org/shop.git: password=hunter2 token abc");

        // when
        ReconcileResult result = engine(null).reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        RunRecord record = records().get(0);
        assertThat(record.outcome()).isEqualTo(RunRecord.Outcome.FAILED);
        assertThat(record.revision()).isEmpty();
        assertThat(record.health()).isEqualTo(HealthOutcome.NOT_ASSESSED);
        assertThat(record.error()).contains("https://***@git.example.org", "password=***", "token ***")
                .doesNotContain("hunter2", "abc");
    }

    @Test
    void aTargetWithoutHistoryRecordsNothingAndTheRunIsUnchanged() {
        // given a target that keeps no history
        io.gitops4j.target.Target bare = new ForwardingTarget(target);

        // when
        ReconcileResult result = GitOpsEngine.builder().application("shop").source(source).target(bare).build()
                .reconcile();

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(bare.historyStore().list("shop")).isEmpty();
        assertThat(records()).isEmpty();
    }

    /** A target that forwards everything but keeps the default history: none. */
    private record ForwardingTarget(InMemoryTarget delegate) implements io.gitops4j.target.Target {
        @Override
        public io.gitops4j.model.LiveState observe(java.util.Collection<io.gitops4j.model.ResourceKey> keys) {
            return delegate.observe(keys);
        }

        @Override
        public io.gitops4j.target.ApplyResult apply(io.gitops4j.model.Resource resource,
                io.gitops4j.target.ApplyOptions options) {
            return delegate.apply(resource, options);
        }

        @Override
        public io.gitops4j.target.DeleteResult delete(io.gitops4j.model.ResourceKey key,
                io.gitops4j.target.DeleteOptions options) {
            return delegate.delete(key, options);
        }

        @Override
        public io.gitops4j.inventory.InventoryStore inventoryStore() {
            return delegate.inventoryStore();
        }
    }
}
