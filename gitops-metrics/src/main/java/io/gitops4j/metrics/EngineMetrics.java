package io.gitops4j.metrics;

import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.ReconcileListener;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The engine's events as meters: run duration and count by outcome, objects applied, pruned and failed, and the
 * time from a run's start to its loaded desired state (by the registry's clock). Thread-safe.
 */
final class EngineMetrics implements ReconcileListener {
    /** Histogram buckets of run durations, from a converged no-op to a slow health wait. */
    private static final Duration[] RUN_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)};

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Long> loadStarts = new ConcurrentHashMap<>();

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void started(String application, ReconcileOptions options) {
        loadStarts.put(application, registry.config().clock().monotonicTime());
    }

    @Override
    public void loaded(String application, Revision revision, int resources) {
        Long start = loadStarts.remove(application);
        if (start != null) {
            Timer.builder(GitOpsMetrics.SOURCE_LOAD_DURATION).description("Time to load a run's desired state")
                    .tag(MeterTags.APPLICATION, application).register(registry)
                    .record(registry.config().clock().monotonicTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void stepApplied(String application, StepResult step) {
        if (step.status() == StepResult.Status.APPLIED) {
            counter(GitOpsMetrics.OBJECTS_APPLIED, "Resources created or updated", application).increment();
        }
    }

    @Override
    public void stepFailed(String application, StepResult step) {
        counter(GitOpsMetrics.OBJECTS_FAILED, "Resources whose apply, delete or preparation failed", application)
                .increment();
    }

    @Override
    public void pruned(String application, StepResult step) {
        counter(GitOpsMetrics.OBJECTS_PRUNED, "Owned resources deleted as no longer declared", application)
                .increment();
    }

    @Override
    public void finished(ReconcileResult result) {
        loadStarts.remove(result.application());
        String outcome = MeterTags.outcome(result.outcome());
        Timer.builder(GitOpsMetrics.RECONCILE_DURATION).description("Duration of reconcile runs")
                .tag(MeterTags.APPLICATION, result.application()).tag(MeterTags.OUTCOME, outcome)
                .serviceLevelObjectives(RUN_BUCKETS).register(registry).record(result.duration());
        Counter.builder(GitOpsMetrics.RECONCILE_RUNS).description("Reconcile runs by outcome")
                .tag(MeterTags.APPLICATION, result.application()).tag(MeterTags.OUTCOME, outcome)
                .register(registry).increment();
    }

    private Counter counter(String name, String description, String application) {
        return Counter.builder(name).description(description).tag(MeterTags.APPLICATION, application)
                .register(registry);
    }
}
