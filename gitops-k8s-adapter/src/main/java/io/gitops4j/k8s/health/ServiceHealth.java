package io.gitops4j.k8s.health;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of a {@code Service}: a {@code LoadBalancer} service is progressing until the load balancer has an
 * ingress address; every other type is healthy once it exists. Stateless and thread-safe.
 */
final class ServiceHealth implements HealthAssessor {

    /** Creates the assessor. */
    ServiceHealth() {
    }

    /**
     * Assesses a Service.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "", "Service")) {
            return Optional.empty();
        }
        if (!"LoadBalancer".equals(ObjectStatus.text(ObjectStatus.spec(live), "type"))) {
            return Optional.of(Health.healthy());
        }
        boolean assigned = ObjectStatus.status(live).path("loadBalancer").path("ingress").size() > 0;
        return Optional.of(assigned ? Health.healthy()
                : Health.progressing("waiting for the load balancer to be assigned an ingress address"));
    }
}
