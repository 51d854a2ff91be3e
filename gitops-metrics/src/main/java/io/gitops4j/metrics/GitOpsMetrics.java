package io.gitops4j.metrics;

import static java.util.Objects.requireNonNull;

import io.gitops4j.loop.ControllerListener;
import io.gitops4j.reconcile.ReconcileListener;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records what gitops4j does as Micrometer meters, named after Flux's {@code gotk_reconcile_duration_seconds} and
 * Argo CD's {@code argocd_app_reconcile} / {@code argocd_app_sync_total}. The names below are Micrometer's; a
 * Prometheus registry renders them with underscores and its suffixes ({@code _seconds}, {@code _total}):
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>meter (Prometheus name)</th><th>type</th><th>tags</th><th>from</th></tr>
 * <tr><td>{@value #RECONCILE_DURATION} ({@code gitops4j_reconcile_duration_seconds})</td><td>timer with
 *     histogram buckets</td><td>application, outcome</td><td>engine</td></tr>
 * <tr><td>{@value #RECONCILE_RUNS} ({@code gitops4j_reconcile_runs_total})</td><td>counter</td>
 *     <td>application, outcome</td><td>engine</td></tr>
 * <tr><td>{@value #OBJECTS_APPLIED} ({@code gitops4j_objects_applied_total})</td><td>counter</td>
 *     <td>application</td><td>engine: resources created or updated</td></tr>
 * <tr><td>{@value #OBJECTS_PRUNED} ({@code gitops4j_objects_pruned_total})</td><td>counter</td>
 *     <td>application</td><td>engine</td></tr>
 * <tr><td>{@value #OBJECTS_FAILED} ({@code gitops4j_objects_failed_total})</td><td>counter</td>
 *     <td>application</td><td>engine: failed applies, deletes and preparations</td></tr>
 * <tr><td>{@value #SOURCE_LOAD_DURATION} ({@code gitops4j_source_load_duration_seconds})</td><td>timer</td>
 *     <td>application</td><td>engine: from the run's start until its desired state is loaded</td></tr>
 * <tr><td>{@value #DRIFT_DETECTED} ({@code gitops4j_drift_detected_total})</td><td>counter</td>
 *     <td>application, corrected</td><td>controller: runs that found drift</td></tr>
 * <tr><td>{@value #SOURCE_FETCH_DURATION} ({@code gitops4j_source_fetch_duration_seconds})</td><td>timer</td>
 *     <td>application, outcome ({@code success}, {@code failure})</td><td>controller: latest-revision
 *     fetches</td></tr>
 * <tr><td>{@value #SOURCE_FETCH_FAILURES} ({@code gitops4j_source_fetch_failures_total})</td><td>counter</td>
 *     <td>application</td><td>controller</td></tr>
 * <tr><td>{@value #SOURCE_FAILURES} ({@code gitops4j_source_failures_total})</td><td>counter</td>
 *     <td>application</td><td>controller: runs that could not read the source (fetch or load)</td></tr>
 * <tr><td>{@value #SYNC_STATUS} ({@code gitops4j_application_sync_status})</td><td>gauge, 1 for the current
 *     status and 0 for the others</td><td>application, status ({@code synced}, {@code out_of_sync},
 *     {@code unknown})</td><td>controller</td></tr>
 * <tr><td>{@value #HEALTH_STATUS} ({@code gitops4j_application_health_status})</td><td>gauge, 1 for the current
 *     status and 0 for the others</td><td>application, status ({@code healthy}, {@code suspended},
 *     {@code progressing}, {@code missing}, {@code degraded}, {@code unknown})</td><td>controller</td></tr>
 * </table>
 *
 * <p>Outcome tags are the lower-cased {@link io.gitops4j.reconcile.ReconcileResult.Outcome} names
 * ({@code converged}, {@code applied}, {@code failed}, {@code dry_run}, {@code timed_out}). Tags never carry
 * resource names, revisions or messages, so the number of series grows with applications only.
 *
 * <pre>{@code
 * MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * GitOpsMetrics metrics = GitOpsMetrics.bind(registry);
 * GitOpsController controller = GitOpsController.builder()
 *         .listener(metrics.controllerListener())
 *         .reconcileListener(metrics.reconcileListener())
 *         .build();
 * // with more listeners: .listener(ControllerListener.of(metrics.controllerListener(), myListener))
 * // an engine alone: GitOpsEngine.builder().listener(metrics.reconcileListener())...
 * }</pre>
 *
 * <p>Immutable and thread-safe; its listeners are thread-safe, fast, and do not throw. Gauges of an application
 * stay registered after it is removed from the controller, at their last value.
 */
public final class GitOpsMetrics {
    /** Reconcile run durations, from the engine's clock. */
    public static final String RECONCILE_DURATION = "gitops4j.reconcile.duration";
    /** Reconcile runs by outcome. */
    public static final String RECONCILE_RUNS = "gitops4j.reconcile.runs";
    /** Resources the target created or updated. */
    public static final String OBJECTS_APPLIED = "gitops4j.objects.applied";
    /** Owned resources deleted because they are no longer declared. */
    public static final String OBJECTS_PRUNED = "gitops4j.objects.pruned";
    /** Resources whose apply, delete or preparation failed. */
    public static final String OBJECTS_FAILED = "gitops4j.objects.failed";
    /** Time from a run's start until its desired state is loaded. */
    public static final String SOURCE_LOAD_DURATION = "gitops4j.source.load.duration";
    /** Runs that found live state drifted from an applied revision. */
    public static final String DRIFT_DETECTED = "gitops4j.drift.detected";
    /** Latest-revision fetches of a source (a Git fetch), by outcome. */
    public static final String SOURCE_FETCH_DURATION = "gitops4j.source.fetch.duration";
    /** Latest-revision fetches that failed. */
    public static final String SOURCE_FETCH_FAILURES = "gitops4j.source.fetch.failures";
    /** Runs that could not read the source, at the fetch or the load. */
    public static final String SOURCE_FAILURES = "gitops4j.source.failures";
    /** One gauge per application and sync status: 1 for the current status, 0 for the others. */
    public static final String SYNC_STATUS = "gitops4j.application.sync.status";
    /** One gauge per application and health status: 1 for the current status, 0 for the others. */
    public static final String HEALTH_STATUS = "gitops4j.application.health.status";

    private final MeterRegistry registry;
    private final EngineMetrics engine;
    private final ControllerMetrics controller;

    private GitOpsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.engine = new EngineMetrics(registry);
        this.controller = new ControllerMetrics(registry, new ApplicationGauges(registry));
    }

    /**
     * Binds gitops4j's meters to a registry. Meters appear as events arrive (gauges when an application's first
     * run is recorded). Binding twice to one registry shares the same meters.
     *
     * @param registry the registry, e.g. a {@code PrometheusMeterRegistry}
     * @return the metrics, whose listeners go to the builders
     */
    public static GitOpsMetrics bind(MeterRegistry registry) {
        return new GitOpsMetrics(requireNonNull(registry, "registry is null"));
    }

    /**
     * Returns the listener for {@code GitOpsEngine.Builder.listener} or
     * {@code GitOpsController.Builder.reconcileListener}: run durations and outcomes, objects, load times.
     *
     * @return a thread-safe listener
     */
    public ReconcileListener reconcileListener() {
        return engine;
    }

    /**
     * Returns the listener for {@code GitOpsController.Builder.listener}: drift, source fetches and failures,
     * sync and health gauges.
     *
     * @return a thread-safe listener
     */
    public ControllerListener controllerListener() {
        return controller;
    }

    @Override
    public String toString() {
        return "GitOpsMetrics{registry=" + registry.getClass().getSimpleName() + "}";
    }
}
