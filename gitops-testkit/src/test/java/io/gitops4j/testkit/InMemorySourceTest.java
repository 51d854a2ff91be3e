package io.gitops4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.Revision;
import io.gitops4j.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemorySourceTest {

    private static Resource configMap(String name, String value) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", "ConfigMap");
        body.putObject("metadata").put("name", name).put("namespace", "shop");
        body.putObject("data").put("v", value);
        return Resource.of(body);
    }

    @Test
    void theLatestCommitIsWhatLoadReturns() {
        InMemorySource source = InMemorySource.of(DesiredState.of("r1", List.of(configMap("a", "1"))));

        Revision second = source.commit("r2", List.of(configMap("a", "2")));

        assertThat(source.load().revision()).isEqualTo(second);
        assertThat(source.latestRevisionId()).isEqualTo("r2");
        assertThat(source.revisionIds()).containsExactly("r1", "r2");
    }

    @Test
    void anEarlierRevisionLoadsForRollbackAndItsDigestIsChecked() {
        InMemorySource source = InMemorySource.create();
        Revision first = source.commit("r1", List.of(configMap("a", "1")));
        source.commit("r2", List.of(configMap("a", "2")));

        DesiredState rolledBack = source.load(first);

        assertThat(rolledBack.revision()).isEqualTo(first);
        assertThat(source.requestedRevisions()).containsExactly(first);
        assertThatThrownBy(() -> source.load(new Revision("r1", "sha256:0000")))
                .isInstanceOf(SourceException.class).hasMessageContaining("digest");
    }

    @Test
    void anUnknownRevisionFailsNamingWhatTheSourceHolds() {
        InMemorySource source = InMemorySource.of(DesiredState.of("r1", List.of()));

        assertThatThrownBy(() -> source.load(Revision.of("r9")))
                .isInstanceOf(SourceException.class).hasMessageContaining("no revision r9").hasMessageContaining("[r1]");
    }

    @Test
    void anEmptySourceFailsToLoadUntilTheFirstCommit() {
        InMemorySource source = InMemorySource.create();

        assertThatThrownBy(source::load).isInstanceOf(SourceException.class).hasMessageContaining("no revision yet");
        assertThatThrownBy(source::latestRevisionId).isInstanceOf(SourceException.class);
    }

    @Test
    void recommittingAnIdReplacesItsContentAndMakesItTheLatest() {
        InMemorySource source = InMemorySource.of(DesiredState.of("r1", List.of(configMap("a", "1"))));
        source.commit("r2", List.of());

        source.commit("r1", List.of(configMap("a", "3")));

        assertThat(source.load().get(configMap("a", "").key()).orElseThrow().tree().at("/data/v").asText())
                .isEqualTo("3");
        assertThat(source.revisionIds()).containsExactly("r2", "r1");
    }

    @Test
    void failNextLoadFailsOnceAndFailLoadsUntilCleared() {
        InMemorySource source = InMemorySource.of(DesiredState.of("r1", List.of()));

        source.failNextLoad("connection reset");

        assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                .hasMessage("cannot reach in-memory: connection reset");
        assertThat(source.load().revision().id()).isEqualTo("r1");

        source.failLoads("connection refused");

        assertThatThrownBy(source::load).hasMessageContaining("connection refused");
        assertThatThrownBy(source::latestRevisionId).hasMessageContaining("connection refused");
        assertThat(source.clearFaults().load().revision().id()).isEqualTo("r1");
        assertThat(source.loadCount()).isEqualTo(4);
        assertThat(source.fetchCount()).isEqualTo(1);
    }

    @Test
    void theLoadHookRunsBeforeEveryLoadAndMayCommit() {
        InMemorySource source = InMemorySource.of(DesiredState.of("r1", List.of()));
        int[] runs = {0};
        source.onLoad(() -> runs[0]++);

        source.load();
        source.load(Revision.of("r1"));

        assertThat(runs[0]).isEqualTo(2);
    }

    @Test
    void theBuilderNamesTheSourceAndItsFetchKey() {
        InMemorySource source = InMemorySource.builder().describe("memory:shop").fetchKey("shop").build();

        assertThat(source.describe()).isEqualTo("memory:shop");
        assertThat(source.fetchKey()).isEqualTo("shop");
        assertThatThrownBy(() -> InMemorySource.builder().describe(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCommitsAndLoadsLoseNoRevision() throws Exception {
        InMemorySource source = InMemorySource.of(DesiredState.of("r0", List.of()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        source.commit("t" + thread + "-" + i, List.of(configMap("a", thread + "-" + i)));
                        assertThat(source.load().size()).isEqualTo(1);
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(source.revisionIds()).hasSize(201);
        assertThat(source.loadCount()).isEqualTo(200);
    }
}
