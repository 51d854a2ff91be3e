package io.gitops4j.k8s.health;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of a {@code Namespace}: healthy while {@code Active} (or before the server reports a phase), progressing
 * while {@code Terminating}. Stateless and thread-safe.
 */
final class NamespaceHealth implements HealthAssessor {

    /** Creates the assessor. */
    NamespaceHealth() {
    }

    /**
     * Assesses a Namespace.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "", "Namespace")) {
            return Optional.empty();
        }
        String phase = ObjectStatus.text(ObjectStatus.status(live), "phase");
        return Optional.of("Terminating".equals(phase) ? Health.progressing("Namespace is terminating")
                : Health.healthy());
    }
}
