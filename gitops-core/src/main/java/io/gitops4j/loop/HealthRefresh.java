package io.gitops4j.loop;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.plan.PlanStep;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.target.Target;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of an application after a run: the engine reports the health of what the run applied; the declared
 * resources it left alone (in sync) are observed afresh in one batched {@link Target#observe} of just those keys
 * and assessed with {@link Target#health}, so a run that applies nothing does not leave a stale health; a run
 * that skips the engine (nothing changed under the path) assesses what the inventory lists. Stateless.
 */
final class HealthRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRefresh.class);

    private HealthRefresh() {
    }

    /**
     * Returns the worst health of every resource the result's plan declares.
     *
     * @return the worst status; {@link HealthStatus#UNKNOWN} when the target cannot be read;
     *         {@link HealthStatus#HEALTHY} when the plan declares nothing
     */
    static HealthStatus worst(String application, Target target, ReconcileResult result) {
        Map<ResourceKey, Health> health = new TreeMap<>(result.health());
        List<ResourceKey> unassessed = result.plan().allApplies().stream().map(PlanStep::key)
                .filter(key -> !health.containsKey(key)).toList();
        return worst(application, target, unassessed, health);
    }

    /**
     * Returns the worst health of the resources the application's inventory lists, for a run that skipped the
     * engine because the new revision changes nothing under the application's path.
     *
     * @return the worst status; {@link HealthStatus#UNKNOWN} when the inventory or the target cannot be read;
     *         {@link HealthStatus#HEALTHY} when it owns nothing
     */
    static HealthStatus worstOwned(String application, Target target) {
        Collection<ResourceKey> owned;
        try {
            owned = target.inventoryStore().load(application).map(Inventory::keys)
                    .orElse(Collections.emptySortedSet());
        } catch (RuntimeException e) {
            LOG.warn("application {}: cannot read its inventory to refresh its health: {}", application,
                    ApplicationRun.message(e));
            return HealthStatus.UNKNOWN;
        }
        return worst(application, target, owned, new TreeMap<>());
    }

    private static HealthStatus worst(String application, Target target, Collection<ResourceKey> unassessed,
                                      Map<ResourceKey, Health> health) {
        if (!unassessed.isEmpty()) {
            try {
                LiveState live = target.observe(unassessed);
                for (ResourceKey key : unassessed) {
                    health.put(key, live.get(key).map(resource -> assess(target, resource.object()))
                            .orElseGet(() -> Health.missing("declared but not found on the target")));
                }
            } catch (RuntimeException e) {
                LOG.warn("application {}: cannot observe its resources to refresh their health: {}", application,
                        ApplicationRun.message(e));
                return HealthStatus.UNKNOWN;
            }
        }
        return health.values().stream().map(Health::status).reduce(HealthStatus::worst).orElse(HealthStatus.HEALTHY);
    }

    private static Health assess(Target target, Resource live) {
        try {
            return target.health(live);
        } catch (RuntimeException e) {
            return Health.unknown("health check failed: " + ApplicationRun.message(e));
        }
    }
}
