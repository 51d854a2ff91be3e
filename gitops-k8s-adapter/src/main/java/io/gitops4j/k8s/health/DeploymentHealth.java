package io.gitops4j.k8s.health;

import static io.gitops4j.k8s.health.ObjectStatus.number;
import static io.gitops4j.k8s.health.ObjectStatus.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of an {@code apps/Deployment}, as {@code kubectl rollout status} and Argo CD judge it: suspended when
 * paused; degraded past its progress deadline; progressing until the controller observed the latest generation and
 * every desired replica is updated and available with no old replica left. Stateless and thread-safe.
 */
final class DeploymentHealth implements HealthAssessor {

    /** Creates the assessor. */
    DeploymentHealth() {
    }

    /**
     * Assesses a Deployment.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "apps", "Deployment")) {
            return Optional.empty();
        }
        if (ObjectStatus.spec(live).path("paused").asBoolean(false)) {
            return Optional.of(Health.suspended("Deployment is paused"));
        }
        Optional<String> behind = ObjectStatus.generationBehind(live);
        if (behind.isPresent()) {
            return Optional.of(Health.progressing(behind.get()));
        }
        Optional<JsonNode> progressing = ObjectStatus.condition(live, "Progressing");
        if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(ObjectStatus.text(progressing.get(), "reason"))) {
            return Optional.of(Health.degraded("Deployment exceeded its progress deadline: "
                    + ObjectStatus.explain(progressing.get())));
        }
        return Optional.of(replicas(live));
    }

    private static Health replicas(Resource live) {
        JsonNode status = status(live);
        long desired = ObjectStatus.desiredReplicas(live);
        long updated = number(status, "updatedReplicas", 0);
        long total = number(status, "replicas", 0);
        long available = number(status, "availableReplicas", 0);
        if (updated < desired) {
            return Health.progressing("waiting for rollout: " + updated + " of " + desired
                    + " new replicas have been updated");
        }
        if (total > updated) {
            return Health.progressing("waiting for rollout: " + (total - updated)
                    + " old replicas are pending termination");
        }
        if (available < updated) {
            return Health.progressing("waiting for rollout: " + available + " of " + updated
                    + " updated replicas are available");
        }
        return Health.healthy();
    }
}
