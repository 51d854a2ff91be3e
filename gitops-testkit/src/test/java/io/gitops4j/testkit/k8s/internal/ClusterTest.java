package io.gitops4j.testkit.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server-populated values a {@link Cluster} hands out. */
class ClusterTest {

    @Test
    void uidsAreTheNameBasedUuidsOfTheirCreationSequence() {
        Cluster cluster = new Cluster(Clock.systemUTC());

        for (int i = 1; i <= 50; i++) {
            String expected = UUID.nameUUIDFromBytes(("gitops4j-embedded-" + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
            assertThat(cluster.newUid()).isEqualTo(expected);
        }
    }
}
