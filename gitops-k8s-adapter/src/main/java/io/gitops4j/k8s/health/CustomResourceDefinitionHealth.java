package io.gitops4j.k8s.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of an {@code apiextensions.k8s.io/CustomResourceDefinition}: healthy once {@code Established}, degraded
 * when its names are not accepted (they clash with another CRD), progressing otherwise. Stateless and thread-safe.
 */
final class CustomResourceDefinitionHealth implements HealthAssessor {

    /** Creates the assessor. */
    CustomResourceDefinitionHealth() {
    }

    /**
     * Assesses a CustomResourceDefinition.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "apiextensions.k8s.io", "CustomResourceDefinition")) {
            return Optional.empty();
        }
        Optional<JsonNode> names = ObjectStatus.condition(live, "NamesAccepted");
        if (names.isPresent() && "False".equals(ObjectStatus.text(names.get(), "status"))) {
            return Optional.of(Health.degraded("names not accepted: " + ObjectStatus.explain(names.get())));
        }
        return Optional.of(ObjectStatus.isTrue(live, "Established") ? Health.healthy()
                : Health.progressing("waiting for the CustomResourceDefinition to be Established"));
    }
}
