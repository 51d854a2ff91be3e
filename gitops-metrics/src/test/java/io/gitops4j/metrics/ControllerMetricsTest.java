package io.gitops4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.loop.Application;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.time.ManualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerMetricsTest {
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final ResourceKey A = ResourceKey.of("", "ConfigMap", "shop", "a");

    @TempDir
    Path folder;

    private final ManualClock clock = ManualClock.create();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryTarget target = InMemoryTarget.create();

    private GitOpsController controller(GitOpsMetrics metrics) {
        return GitOpsController.builder().clock(clock).scheduler(scheduler).sleeper(clock).executor(Runnable::run)
                .listener(metrics.controllerListener()).reconcileListener(metrics.reconcileListener()).build();
    }

    private Application.Builder app(Path manifests) {
        return Application.builder().name("shop").source(DirectorySource.of(manifests)).target(target)
                .interval(INTERVAL).intervalJitter(0);
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String status) {
        return registry.get(name).tag("application", "shop").tag("status", status).gauge().value();
    }

    @Test
    void syncAndHealthGaugesShowOneForTheCurrentStatusOnly() {
        // given
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Manifests.configMap(folder, "a", "1");

        // when
        try (GitOpsController controller = controller(GitOpsMetrics.bind(registry))) {
            controller.add(app(folder).build());

            // then
            assertThat(gauge(registry, GitOpsMetrics.SYNC_STATUS, "synced")).isEqualTo(1);
            assertThat(gauge(registry, GitOpsMetrics.SYNC_STATUS, "out_of_sync")).isZero();
            assertThat(gauge(registry, GitOpsMetrics.SYNC_STATUS, "unknown")).isZero();
            assertThat(gauge(registry, GitOpsMetrics.HEALTH_STATUS, "healthy")).isEqualTo(1);
            assertThat(gauge(registry, GitOpsMetrics.HEALTH_STATUS, "degraded")).isZero();
            assertThat(registry.get(GitOpsMetrics.SOURCE_FETCH_DURATION).tag("outcome", "success").timer().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void driftWithoutSelfHealIsCountedAndTheApplicationShowsOutOfSync() {
        // given
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Manifests.configMap(folder, "a", "1");
        try (GitOpsController controller = controller(GitOpsMetrics.bind(registry))) {
            controller.add(app(folder).selfHeal(false).build());

            // when
            target.edit(A, body -> {
                body.with("data").put("v", "edited");
                return body;
            });
            scheduler.advance(INTERVAL);

            // then
            assertThat(registry.get(GitOpsMetrics.DRIFT_DETECTED).tag("application", "shop")
                    .tag("corrected", "false").counter().count()).isEqualTo(1);
            assertThat(gauge(registry, GitOpsMetrics.SYNC_STATUS, "out_of_sync")).isEqualTo(1);
            assertThat(gauge(registry, GitOpsMetrics.SYNC_STATUS, "synced")).isZero();
            assertThat(registry.get(GitOpsMetrics.RECONCILE_RUNS).tag("outcome", "dry_run").counter().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void anUnreadableSourceCountsAFailedFetchAndMakesTheSyncStatusUnknown() throws IOException {
        // given
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Path manifests = Files.createDirectory(folder.resolve("app"));
        Manifests.configMap(manifests, "a", "1");
        try (GitOpsController controller = controller(GitOpsMetrics.bind(registry))) {
            controller.add(app(manifests).build());

            // when
            Manifests.remove(manifests, "a");
            Files.delete(manifests);
            scheduler.advance(INTERVAL);

            // then
            assertThat(registry.get(GitOpsMetrics.SOURCE_FETCH_FAILURES).tag("application", "shop").counter()
                    .count()).isEqualTo(1);
            assertThat(registry.get(GitOpsMetrics.SOURCE_FETCH_DURATION).tag("outcome", "failure").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get(GitOpsMetrics.SOURCE_FAILURES).counter().count()).isEqualTo(1);
            assertThat(gauge(registry, GitOpsMetrics.SYNC_STATUS, "unknown")).isEqualTo(1);
            assertThat(gauge(registry, GitOpsMetrics.SYNC_STATUS, "synced")).isZero();
        }
    }

    @Test
    void aPrometheusScrapeNamesTheMetricsWithTheGitops4jPrefix() {
        // given
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Manifests.configMap(folder, "a", "1");

        // when
        try (GitOpsController controller = controller(GitOpsMetrics.bind(registry))) {
            controller.add(app(folder).build());
        }
        String scrape = registry.scrape();

        // then
        assertThat(scrape).contains(
                "gitops4j_reconcile_duration_seconds_bucket{application=\"shop\",outcome=\"applied\",le=\"0.05\"} 1",
                "gitops4j_reconcile_duration_seconds_count{application=\"shop\",outcome=\"applied\"} 1",
                "gitops4j_reconcile_runs_total{application=\"shop\",outcome=\"applied\"} 1",
                "gitops4j_objects_applied_total{application=\"shop\"} 1",
                "gitops4j_source_fetch_duration_seconds_count{application=\"shop\",outcome=\"success\"} 1",
                "gitops4j_source_load_duration_seconds_count{application=\"shop\"} 1",
                "gitops4j_application_sync_status{application=\"shop\",status=\"synced\"} 1",
                "gitops4j_application_sync_status{application=\"shop\",status=\"out_of_sync\"} 0",
                "gitops4j_application_health_status{application=\"shop\",status=\"healthy\"} 1");
    }
}
