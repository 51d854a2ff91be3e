package io.gitops4j.reconcile;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.target.Target;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What one engine's last run prepared: each source resource object with the resolved, stamped resource made of
 * it. A source hands back the same (immutable) objects while its revision is unchanged (the Git source returns
 * the very state it loaded last), so the next run resolves each key again, and when the key resolves as before
 * reuses the prepared object instead of copying and stamping a new one. The reused objects keep their digests
 * and are recognised by identity downstream ({@link io.gitops4j.diff.CachingStateDiffer}, the remembering
 * {@link io.gitops4j.plan.Planner}). When every resource is reused, the whole prepared state is.
 *
 * <p>Used by one run at a time (the engine's runs are serialised); the fields are volatile for visibility.
 */
final class PreparedMemo {
    private volatile DesiredState lastSource;
    private volatile Map<Resource, Resource> lastMade = Map.of();
    private volatile PreparedState lastPrepared;

    /**
     * Prepares a desired state for the target, reusing the previous preparation where it still holds.
     *
     * @param application the application, for tracking ids
     * @param desired the loaded desired state
     * @param target the target resolving keys
     * @return the prepared state; the previous one itself when the source state and every resolution are the same
     */
    PreparedState prepare(String application, DesiredState desired, Target target) {
        PreparedState previous = lastPrepared;
        if (previous != null && desired == lastSource && previous.failures().isEmpty()
                && resolvesAsBefore(desired, target, lastMade)) {
            return previous;
        }
        Map<Resource, Resource> made = new IdentityHashMap<>(desired.size() * 2);
        PreparedState prepared = PreparedState.of(application, desired, target, lastMade, made);
        lastSource = desired;
        lastMade = made;
        lastPrepared = prepared;
        return prepared;
    }

    /* Every source object was prepared last time and its key still resolves to the prepared object's key. */
    private static boolean resolvesAsBefore(DesiredState desired, Target target, Map<Resource, Resource> made) {
        if (made.size() != desired.size()) {
            return false;
        }
        try {
            for (Resource resource : desired.resources().values()) {
                Resource before = made.get(resource);
                if (before == null || !before.key().equals(target.resolve(resource.key()))) {
                    return false;
                }
            }
        } catch (RuntimeException e) {
            return false; // prepared again, where the failure is recorded as a failed step
        }
        return true;
    }
}
