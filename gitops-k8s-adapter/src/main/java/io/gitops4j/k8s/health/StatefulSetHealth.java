package io.gitops4j.k8s.health;

import static io.gitops4j.k8s.health.ObjectStatus.number;
import static io.gitops4j.k8s.health.ObjectStatus.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of an {@code apps/StatefulSet}, as {@code kubectl rollout status} judges it: progressing until the latest
 * generation is observed, every replica is ready, the partition's replicas are updated and (without a partition)
 * the current revision is the update revision; {@code OnDelete} sets are healthy once observed. Stateless and
 * thread-safe.
 */
final class StatefulSetHealth implements HealthAssessor {

    /** Creates the assessor. */
    StatefulSetHealth() {
    }

    /**
     * Assesses a StatefulSet.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "apps", "StatefulSet")) {
            return Optional.empty();
        }
        Optional<String> behind = ObjectStatus.generationBehind(live);
        if (behind.isPresent()) {
            return Optional.of(Health.progressing(behind.get()));
        }
        JsonNode strategy = ObjectStatus.spec(live).path("updateStrategy");
        if ("OnDelete".equals(text(strategy, "type"))) {
            return Optional.of(Health.healthy());
        }
        JsonNode status = ObjectStatus.status(live);
        long desired = ObjectStatus.desiredReplicas(live);
        long ready = number(status, "readyReplicas", 0);
        if (ready < desired) {
            return Optional.of(Health.progressing("waiting for " + (desired - ready) + " pods to be ready"));
        }
        long partition = number(strategy.path("rollingUpdate"), "partition", 0);
        if (partition > 0) {
            long updated = number(status, "updatedReplicas", 0);
            long expected = desired - partition;
            return Optional.of(updated < expected
                    ? Health.progressing("waiting for partitioned rollout: " + updated + " of " + expected
                            + " new pods have been updated")
                    : Health.healthy());
        }
        String current = text(status, "currentRevision");
        String update = text(status, "updateRevision");
        if (!update.isEmpty() && !update.equals(current)) {
            return Optional.of(Health.progressing("waiting for rolling update to complete: "
                    + number(status, "updatedReplicas", 0) + " pods at revision " + update));
        }
        return Optional.of(Health.healthy());
    }
}
