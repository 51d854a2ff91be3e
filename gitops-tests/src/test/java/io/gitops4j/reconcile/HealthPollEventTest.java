package io.gitops4j.reconcile;

import static io.gitops4j.reconcile.TestObjects.configMap;
import static io.gitops4j.reconcile.TestObjects.key;
import static io.gitops4j.reconcile.TestObjects.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine tells its listener about every health poll, so a display can show the wait. */
class HealthPollEventTest {
    private final RecordingTarget target = new RecordingTarget();
    private final ManualClock clock = ManualClock.create();

    @Test
    void reportsEachHealthPollUntilHealthy() {
        // given a resource that is healthy ten seconds after the run starts, polled every five
        InMemorySource source = InMemorySource.of(state("r1", configMap("slow")));
        Instant healthyAt = clock.instant().plusSeconds(10);
        target.health = live -> clock.instant().isBefore(healthyAt) ? Health.progressing("starting") : Health.healthy();
        List<Map<ResourceKey, Health>> seen = new ArrayList<>();
        GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).clock(clock).sleeper(clock).healthPollInterval(Duration.ofSeconds(5))
                .listener(new ReconcileListener() {
                    @Override
                    public void healthPolled(String application, Map<ResourceKey, Health> health) {
                        seen.add(Map.copyOf(health));
                    }
                }).build();

        // when
        engine.reconcile(ReconcileOptions.builder().healthTimeout(Duration.ofMinutes(1)).build());

        // then
        assertThat(seen).extracting(health -> health.get(key("ConfigMap/shop/slow")).status())
                .containsExactly(HealthStatus.PROGRESSING, HealthStatus.PROGRESSING, HealthStatus.HEALTHY);
    }

    @Test
    void reportsNoPollWithoutAHealthTimeout() {
        // given
        InMemorySource source = InMemorySource.of(state("r1", configMap("a")));
        List<String> seen = new ArrayList<>();
        GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(source).target(target)
                .differ(new EqualityDiffer()).clock(clock).sleeper(clock).listener(new ReconcileListener() {
                    @Override
                    public void healthPolled(String application, Map<ResourceKey, Health> health) {
                        seen.add(application);
                    }
                }).build();

        // when
        engine.reconcile();

        // then
        assertThat(seen).isEmpty();
    }
}
