package io.gitops4j.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.testkit.InMemoryTarget;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedFetchTest {
    private static final int APPS = 5;

    private final LoopFixture loop = new LoopFixture();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void applicationsReadingOneRepositoryShareOneFetchPerInterval() {
        // given
        ScriptedSource repo = new ScriptedSource("https://example.org/shop.git@main");
        repo.commit("r1", "a=red");
        addReaders(repo, LoopFixture.INTERVAL, 0);

        // when
        loop.scheduler.advance(Duration.ofMinutes(10));

        // then
        assertThat(repo.fetches()).as("one at start, one per interval").isEqualTo(11);
        for (int i = 0; i < APPS; i++) {
            assertThat(loop.controller.history("app" + i)).hasSize(11);
        }
    }

    @Test
    void sharingHoldsWithJitterAndEveryApplicationSeesEachRevision() {
        // given
        ScriptedSource repo = new ScriptedSource("https://example.org/shop.git@main");
        repo.commit("r1", "a=red");
        addReaders(repo, LoopFixture.INTERVAL, 0.2);

        // when
        loop.scheduler.advance(Duration.ofMinutes(10));
        int fetchesBeforeCommit = repo.fetches();
        repo.commit("r2", "a=blue");
        loop.scheduler.advance(Duration.ofMinutes(2));

        // then
        assertThat(fetchesBeforeCommit).as("at most one per round of the applications").isBetween(8, 11);
        for (int i = 0; i < APPS; i++) {
            assertThat(loop.controller.status("app" + i).lastAppliedRevision().orElseThrow().id())
                    .isEqualTo("r2");
        }
    }

    @Test
    void aNewRevisionSeenByOneApplicationRunsItsSiblingsAtOnce() {
        // given
        ScriptedSource repo = new ScriptedSource("https://example.org/shop.git@main");
        repo.commit("r1", "a=red");
        loop.controller.add(loop.app("front", repo).target(InMemoryTarget.create()).build());
        loop.controller.add(loop.app("back", repo).target(InMemoryTarget.create())
                .interval(Duration.ofHours(1)).build());
        int fetches = repo.fetches();

        // when
        repo.commit("r2", "a=blue");
        loop.controller.trigger("front");

        // then
        assertThat(loop.controller.status("back").lastAppliedRevision().orElseThrow().id()).isEqualTo("r2");
        assertThat(loop.controller.history("back")).last().extracting(HistoryEntry::reason)
                .isEqualTo(RunReason.NEW_REVISION);
        assertThat(repo.fetches()).as("the sibling reuses the trigger's fetch").isEqualTo(fetches + 1);
    }

    @Test
    void aWebhookForARepositoryRunsEveryReaderWithOneFreshFetch() {
        // given
        ScriptedSource repo = new ScriptedSource("https://example.org/shop.git@main");
        ScriptedSource other = new ScriptedSource("https://example.org/other.git@main");
        repo.commit("r1", "a=red");
        other.commit("o1", "z=red");
        addReaders(repo, Duration.ofHours(1), 0);
        loop.controller.add(loop.app("other", other).interval(Duration.ofHours(1)).build());
        int fetches = repo.fetches();

        // when
        repo.commit("r2", "a=blue");
        int triggered = loop.controller.triggerSource("https://example.org/shop.git@main");

        // then
        assertThat(triggered).isEqualTo(APPS);
        assertThat(repo.fetches()).isEqualTo(fetches + 1);
        for (int i = 0; i < APPS; i++) {
            assertThat(loop.controller.status("app" + i).lastAppliedRevision().orElseThrow().id()).isEqualTo("r2");
        }
        assertThat(loop.controller.history("other")).hasSize(1);
    }

    @Test
    void sourcesWithoutAFetchKeyAreFetchedByEachApplication() {
        // given
        ScriptedSource first = new ScriptedSource("");
        ScriptedSource second = new ScriptedSource("");
        first.commit("r1", "a=red");
        second.commit("r1", "b=red");
        loop.controller.add(loop.app("first", first).build());
        loop.controller.add(loop.app("second", second).build());

        // when
        loop.scheduler.advance(Duration.ofMinutes(2));

        // then
        assertThat(first.fetches()).isEqualTo(3);
        assertThat(second.fetches()).isEqualTo(3);
    }

    private void addReaders(ScriptedSource repo, Duration interval, double jitter) {
        for (int i = 0; i < APPS; i++) {
            loop.controller.add(loop.app("app" + i, repo).target(InMemoryTarget.create())
                    .interval(interval).intervalJitter(jitter).build());
        }
    }
}
