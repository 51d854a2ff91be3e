package io.gitops4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineMetricsTest {
    @TempDir
    Path folder;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryTarget target = InMemoryTarget.create();
    private final ManualClock clock = ManualClock.create();

    private GitOpsEngine engine() {
        return GitOpsEngine.builder().application("shop").source(DirectorySource.of(folder)).target(target)
                .clock(clock).sleeper(clock).listener(GitOpsMetrics.bind(registry).reconcileListener()).build();
    }

    private double runs(String outcome) {
        return registry.get(GitOpsMetrics.RECONCILE_RUNS).tag("application", "shop").tag("outcome", outcome)
                .counter().count();
    }

    private double objects(String name) {
        return registry.get(name).tag("application", "shop").counter().count();
    }

    @Test
    void countsRunsByOutcomeAndTheObjectsAppliedAndPruned() {
        // given
        GitOpsEngine engine = engine();
        Manifests.configMap(folder, "a", "1");
        Manifests.configMap(folder, "b", "1");

        // when
        Outcome first = engine.reconcile().outcome();
        Outcome second = engine.reconcile().outcome();
        Manifests.remove(folder, "b");
        Manifests.configMap(folder, "a", "2");
        Outcome third = engine.reconcile().outcome();

        // then
        assertThat(first).isEqualTo(Outcome.APPLIED);
        assertThat(second).isEqualTo(Outcome.CONVERGED);
        assertThat(third).isEqualTo(Outcome.APPLIED);
        assertThat(runs("applied")).isEqualTo(2);
        assertThat(runs("converged")).isEqualTo(1);
        assertThat(objects(GitOpsMetrics.OBJECTS_APPLIED)).isEqualTo(3);
        assertThat(objects(GitOpsMetrics.OBJECTS_PRUNED)).isEqualTo(1);
        assertThat(registry.find(GitOpsMetrics.OBJECTS_FAILED).counter()).isNull();
        assertThat(registry.get(GitOpsMetrics.SOURCE_LOAD_DURATION).tag("application", "shop").timer().count())
                .isEqualTo(3);
    }

    @Test
    void aFailedApplyCountsAFailedRunAndAFailedObjectAndTimesTheRun() {
        // given
        Manifests.configMap(folder, "a", "1");
        target.failAppliesTo(ResourceKey.of("", "ConfigMap", "shop", "a"));

        // when
        Outcome outcome = engine().reconcile().outcome();

        // then
        assertThat(outcome).isEqualTo(Outcome.FAILED);
        assertThat(runs("failed")).isEqualTo(1);
        assertThat(objects(GitOpsMetrics.OBJECTS_FAILED)).isEqualTo(1);
        assertThat(registry.get(GitOpsMetrics.RECONCILE_DURATION).tag("application", "shop")
                .tag("outcome", "failed").timer().count()).isEqualTo(1);
    }
}
