package io.gitops4j.reconcile;

import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import java.util.List;
import java.util.Map;

/**
 * Observes reconcile runs: metrics, audit logs, progress displays, notifications.
 *
 * <p>Every method has a no-op default, so new events never break an implementation; {@link #NOOP} listens to
 * nothing. Events of one run arrive on the thread that runs it, in this order: {@link #started}, {@link #loaded},
 * {@link #planned}, then {@link #stepApplied} or {@link #stepFailed} per apply and {@link #pruned} or
 * {@link #stepFailed} per delete, {@link #healthPolled} per poll while waiting for health, and always {@link #finished} (a run that fails early skips the events in
 * between). Listeners must be fast and must not throw: the engine calls them inline, and it logs and ignores an
 * exception a listener throws.
 */
public interface ReconcileListener {

    /** A listener that ignores every event. */
    ReconcileListener NOOP = new ReconcileListener() {
    };

    /**
     * Returns a listener that passes every event to each of the given listeners, in order. One that throws is
     * logged and skipped; the others still receive the event. Use it to give an engine or a controller several
     * listeners, e.g. metrics and Kubernetes events:
     *
     * <pre>{@code
     * GitOpsEngine.builder().listener(ReconcileListener.of(metrics.reconcileListener(), events))...
     * }</pre>
     *
     * @param listeners the listeners, none null; as thread-safe as the least thread-safe of them
     * @return one listener; {@link #NOOP} when none is given, the listener itself when one is given
     */
    static ReconcileListener of(ReconcileListener... listeners) {
        List<ReconcileListener> all = List.of(listeners);
        if (all.isEmpty()) {
            return NOOP;
        }
        return all.size() == 1 ? all.get(0) : new GuardedListener(all);
    }

    /**
     * A run started.
     *
     * @param application the application
     * @param options the run's options
     */
    default void started(String application, ReconcileOptions options) {
    }

    /**
     * The desired state was loaded.
     *
     * @param application the application
     * @param revision the loaded revision
     * @param resources how many resources it declares
     */
    default void loaded(String application, Revision revision, int resources) {
    }

    /**
     * The plan was made.
     *
     * @param application the application
     * @param plan the plan the run will execute
     */
    default void planned(String application, Plan plan) {
    }

    /**
     * A resource was applied (created, updated, or found unchanged by the target).
     *
     * @param application the application
     * @param step what happened
     */
    default void stepApplied(String application, StepResult step) {
    }

    /**
     * Applying or deleting a resource failed, or a resource could not be prepared.
     *
     * @param application the application
     * @param step what failed and why
     */
    default void stepFailed(String application, StepResult step) {
    }

    /**
     * The health of the applied resources was observed while waiting for them to become healthy (runs with a
     * health timeout only): once per poll, the last poll when all are healthy or the wait ends.
     *
     * @param application the application
     * @param health the health of each resource waited for, as just observed
     */
    default void healthPolled(String application, Map<ResourceKey, Health> health) {
    }

    /**
     * An owned resource that is no longer declared was deleted.
     *
     * @param application the application
     * @param step what was deleted
     */
    default void pruned(String application, StepResult step) {
    }

    /**
     * A run finished, successfully or not.
     *
     * @param result what the run did
     */
    default void finished(ReconcileResult result) {
    }
}
