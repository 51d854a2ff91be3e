package io.gitops4j.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Revision;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardingSourceTest {
    private static final DesiredState LATEST = DesiredState.of("latest", List.of());
    private static final DesiredState PINNED = DesiredState.of("pinned", List.of());

    /** A source answering every call, the interface's default ones included, with its own values. */
    private static final class OwnAnswers implements DesiredStateSource {
        @Override
        public DesiredState load() {
            return LATEST;
        }

        @Override
        public DesiredState load(Revision revision) {
            return revision.id().equals("pinned") ? PINNED : LATEST;
        }

        @Override
        public String latestRevisionId() {
            return "cheap-latest-id";
        }

        @Override
        public Optional<Set<String>> changedPaths(String fromRevisionId, String toRevisionId) {
            return Optional.of(Set.of(fromRevisionId + ".." + toRevisionId));
        }

        @Override
        public String fetchKey() {
            return "fetch-key";
        }

        @Override
        public String describe() {
            return "own source";
        }
    }

    private static final class Plain extends ForwardingSource {
        Plain(DesiredStateSource delegate) {
            super(delegate);
        }
    }

    @Test
    void forwardsEveryCallIncludingTheInterfacesDefaultOnes() {
        ForwardingSource wrapper = new Plain(new OwnAnswers());

        assertThat(wrapper.load()).isSameAs(LATEST);
        assertThat(wrapper.load(Revision.of("pinned"))).isSameAs(PINNED);
        assertThat(wrapper.latestRevisionId()).isEqualTo("cheap-latest-id");
        assertThat(wrapper.changedPaths("a", "b")).contains(Set.of("a..b"));
        assertThat(wrapper.fetchKey()).isEqualTo("fetch-key");
        assertThat(wrapper.describe()).isEqualTo("own source");
    }

    @Test
    void refusesANullDelegate() {
        assertThatThrownBy(() -> new Plain(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("delegate is null");
    }
}
