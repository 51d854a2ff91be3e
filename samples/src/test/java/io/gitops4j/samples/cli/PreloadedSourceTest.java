package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.SourceException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import io.gitops4j.samples.demo.DemoManifests;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.source.DirectorySource;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source whose first load starts ahead: the same state or failure, once; then the source itself. */
class PreloadedSourceTest {
    @TempDir
    Path temp;

    @Test
    void theFirstLoadIsTheEarlyOneAndLaterLoadsAskTheSourceAgain() throws Exception {
        // given
        CountingSource counting = new CountingSource(DirectorySource.of(DemoManifests.writeTo("v1", temp)));
        DesiredState direct = DirectorySource.of(temp).load();

        // when
        DesiredState first;
        DesiredState second;
        try (PreloadedSource preloaded = PreloadedSource.start(counting)) {
            first = preloaded.load();
            second = preloaded.load();
        }

        // then
        assertThat(first.revision()).isEqualTo(direct.revision());
        assertThat(first.resources()).isEqualTo(direct.resources());
        assertThat(second.revision()).isEqualTo(direct.revision());
        assertThat(counting.loads.get()).isEqualTo(2);
    }

    @Test
    void aFailedEarlyLoadFailsTheFirstLoadWithTheSourcesOwnException() throws Exception {
        // given
        DesiredStateSource missing = DirectorySource.of(temp.resolve("missing"));

        // when / then
        try (PreloadedSource preloaded = PreloadedSource.start(missing)) {
            assertThatThrownBy(preloaded::load).isInstanceOf(SourceException.class).hasMessageContaining("missing");
        }
    }

    @Test
    void itDescribesItselfAsItsSource() throws Exception {
        // given
        DesiredStateSource source = DirectorySource.of(DemoManifests.writeTo("v1", temp));

        // when / then
        try (PreloadedSource preloaded = PreloadedSource.start(source)) {
            assertThat(preloaded.describe()).isEqualTo(source.describe());
        }
    }

    /** Counts the loads that reach the source. */
    private static final class CountingSource implements DesiredStateSource {
        private final DesiredStateSource source;
        private final AtomicInteger loads = new AtomicInteger();

        CountingSource(DesiredStateSource source) {
            this.source = source;
        }

        @Override
        public DesiredState load() {
            loads.incrementAndGet();
            return source.load();
        }

        @Override
        public DesiredState load(Revision revision) {
            return source.load(revision);
        }
    }
}
