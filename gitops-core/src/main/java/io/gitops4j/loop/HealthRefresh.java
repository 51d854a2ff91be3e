package io.gitops4j.loop;

import io.gitops4j.health.Health;
import io.gitops4j.target.HealthAssessment;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.inventory.Inventory;
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
 * resources it left alone (in sync) are observed afresh in one batched {@link HealthAssessment#observe} of just
 * those keys, so a run that applies nothing does not leave a stale health; a run that skips the engine (nothing
 * changed under the path) assesses what the inventory lists. The aggregate is {@link HealthAssessment#aggregate()}.
 * Stateless.
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
                    ApplicationSync.message(e));
            return HealthStatus.UNKNOWN;
        }
        return worst(application, target, owned, new TreeMap<>());
    }

    private static HealthStatus worst(String application, Target target, Collection<ResourceKey> unassessed,
                                      Map<ResourceKey, Health> health) {
        HealthAssessment fresh = HealthAssessment.observe(target, unassessed);
        if (fresh.observeFailure().isPresent()) {
            LOG.warn("application {}: cannot refresh the health of its resources: {}", application,
                    fresh.observeFailure().get());
            return HealthStatus.UNKNOWN;
        }
        health.putAll(fresh.health());
        return HealthAssessment.of(health).aggregate();
    }
}
