package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.inventory.RunRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private final ScriptedSource source = new ScriptedSource("repo");

    @Test
    void keepsOnlyTheLastRunsOfEachApplication() {
        // given
        source.commit("r1", "a=red");
        try (LoopFixture loop = new LoopFixture(GitOpsController.builder().historySize(3))) {
            loop.controller.add(loop.app("shop", source).build());

            // when
            loop.scheduler.advance(Duration.ofMinutes(10));

            // then
            List<HistoryEntry> history = loop.controller.history("shop");
            assertThat(history).hasSize(3);
            assertThat(history).extracting(HistoryEntry::reason).containsOnly(RunReason.INTERVAL);
            assertThat(history.get(2).finished()).isEqualTo(loop.clock.instant());
        }
    }

    @Test
    void everyRunIsRecordedOnTheTargetBesideTheInventoryNewestFirst() {
        // given a controller that names its runs
        source.commit("r1", "a=red", "b=green");
        try (LoopFixture loop = new LoopFixture(GitOpsController.builder().runBy("gitops4j-controller/pod-0"))) {
            loop.controller.add(loop.app("shop", source).build());
            source.commit("r2", "a=blue");

            // when the next interval applies the new revision
            loop.scheduler.advance(LoopFixture.INTERVAL);

            // then both runs are on the target's history, with what they did and who ran them
            List<RunRecord> records = loop.controller.records("shop");
            assertThat(records).isEqualTo(loop.target.historyStore().list("shop"));
            assertThat(records).extracting(r -> r.revision().orElseThrow().id()).containsExactly("r2", "r1");
            assertThat(records).extracting(RunRecord::outcome)
                    .containsExactly(RunRecord.Outcome.APPLIED, RunRecord.Outcome.APPLIED);
            assertThat(records).extracting(RunRecord::sequence).containsExactly(2L, 1L);
            assertThat(records.get(1).applied()).isEqualTo(2);
            assertThat(records.get(0).pruned()).isEqualTo(1);
            assertThat(records).extracting(RunRecord::runBy).containsOnly("gitops4j-controller/pod-0");
            assertThat(records).extracting(RunRecord::health).containsOnly(RunRecord.HealthOutcome.HEALTHY);
            assertThat(records.get(0).finished()).isEqualTo(loop.clock.instant());
        }
    }
}
