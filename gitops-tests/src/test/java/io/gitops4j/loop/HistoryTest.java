package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.reconcile.ReconcileResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void appendsEveryRunToAJsonLinesFileThatReadsBack(@TempDir Path folder) throws IOException {
        // given
        Path file = folder.resolve("history.jsonl");
        source.commit("r1", "a=red", "b=green");
        try (LoopFixture loop = new LoopFixture(GitOpsController.builder().historySize(2).historyFile(file))) {
            loop.controller.add(loop.app("shop", source).build());
            source.commit("r2", "a=blue");
            loop.scheduler.advance(LoopFixture.INTERVAL);
            source.goDown("connection refused");
            loop.scheduler.advanceToNext();

            // when
            List<HistoryEntry> read = HistoryFile.read(file);

            // then
            assertThat(Files.readAllLines(file)).hasSize(3);
            assertThat(read).extracting(HistoryEntry::revision).containsExactly("r1", "r2", "");
            assertThat(read).extracting(HistoryEntry::outcome)
                    .containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.FAILED);
            assertThat(read.get(0).applied()).isEqualTo(2);
            assertThat(read.get(1).deleted()).isEqualTo(1);
            assertThat(read.get(2).error()).contains("connection refused");
            assertThat(read.subList(1, 3)).isEqualTo(loop.controller.history("shop"));
        }
    }

    @Test
    void readingALineThatIsNotAnEntryNamesTheLine(@TempDir Path folder) throws IOException {
        // given
        Path file = folder.resolve("history.jsonl");
        Files.writeString(file, "{\"application\":\"shop\"}\n");

        // then
        assertThatThrownBy(() -> HistoryFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1 of " + file);
    }

    @Test
    void aMissingHistoryFileReadsAsEmpty(@TempDir Path folder) {
        assertThat(HistoryFile.read(folder.resolve("none.jsonl"))).isEmpty();
    }
}
