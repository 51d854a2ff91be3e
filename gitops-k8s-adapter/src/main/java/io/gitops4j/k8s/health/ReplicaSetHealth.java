package io.gitops4j.k8s.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of an {@code apps/ReplicaSet}, as Argo CD judges it: degraded on a {@code ReplicaFailure} condition,
 * progressing until the latest generation is observed and every desired replica is available. Stateless and
 * thread-safe.
 */
final class ReplicaSetHealth implements HealthAssessor {

    /** Creates the assessor. */
    ReplicaSetHealth() {
    }

    /**
     * Assesses a ReplicaSet.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "apps", "ReplicaSet")) {
            return Optional.empty();
        }
        Optional<String> behind = ObjectStatus.generationBehind(live);
        if (behind.isPresent()) {
            return Optional.of(Health.progressing(behind.get()));
        }
        Optional<JsonNode> failure = ObjectStatus.condition(live, "ReplicaFailure");
        if (failure.isPresent() && "True".equals(ObjectStatus.text(failure.get(), "status"))) {
            return Optional.of(Health.degraded(ObjectStatus.explain(failure.get())));
        }
        long desired = ObjectStatus.desiredReplicas(live);
        long available = ObjectStatus.number(ObjectStatus.status(live), "availableReplicas", 0);
        if (available < desired) {
            return Optional.of(Health.progressing("waiting for rollout: " + available + " of " + desired
                    + " replicas are available"));
        }
        return Optional.of(Health.healthy());
    }
}
