package io.gitops4j.k8s.health;

import static io.gitops4j.k8s.health.ObjectStatus.number;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of an {@code apps/DaemonSet}, as {@code kubectl rollout status} judges it: progressing until the latest
 * generation is observed and every scheduled pod is updated and available; {@code OnDelete} sets are healthy once
 * observed. Stateless and thread-safe.
 */
final class DaemonSetHealth implements HealthAssessor {

    /** Creates the assessor. */
    DaemonSetHealth() {
    }

    /**
     * Assesses a DaemonSet.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "apps", "DaemonSet")) {
            return Optional.empty();
        }
        Optional<String> behind = ObjectStatus.generationBehind(live);
        if (behind.isPresent()) {
            return Optional.of(Health.progressing(behind.get()));
        }
        if ("OnDelete".equals(ObjectStatus.text(ObjectStatus.spec(live).path("updateStrategy"), "type"))) {
            return Optional.of(Health.healthy());
        }
        JsonNode status = ObjectStatus.status(live);
        long desired = number(status, "desiredNumberScheduled", 0);
        long updated = number(status, "updatedNumberScheduled", 0);
        long available = number(status, "numberAvailable", 0);
        if (updated < desired) {
            return Optional.of(Health.progressing("waiting for rollout: " + updated + " of " + desired
                    + " updated pods are scheduled"));
        }
        if (available < desired) {
            return Optional.of(Health.progressing("waiting for rollout: " + available + " of " + desired
                    + " updated pods are available"));
        }
        return Optional.of(Health.healthy());
    }
}
