package io.gitops4j.k8s.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of any kind from its standard status, as kstatus reads it: progressing while
 * {@code status.observedGeneration} is behind {@code metadata.generation} or {@code Reconciling} is true; degraded
 * when {@code Stalled} is true or {@code Ready}/{@code Available} is false with a failure reason; progressing when
 * {@code Ready}/{@code Available} is false or unknown otherwise; healthy else (including objects without status).
 * Handles every kind, so it belongs last in a chain. Stateless and thread-safe.
 */
final class ConditionsHealth implements HealthAssessor {

    /** Creates the assessor. */
    ConditionsHealth() {
    }

    /**
     * Assesses any object from its conditions and observed generation.
     *
     * @param live the live object
     * @return its health; never empty
     */
    @Override
    public Optional<Health> assess(Resource live) {
        Optional<String> behind = ObjectStatus.generationBehind(live);
        if (behind.isPresent()) {
            return Optional.of(Health.progressing(behind.get()));
        }
        Optional<JsonNode> stalled = ObjectStatus.condition(live, "Stalled");
        if (stalled.isPresent() && "True".equals(ObjectStatus.text(stalled.get(), "status"))) {
            return Optional.of(Health.degraded("Stalled: " + ObjectStatus.explain(stalled.get())));
        }
        if (ObjectStatus.isTrue(live, "Reconciling")) {
            return Optional.of(Health.progressing("Reconciling: "
                    + ObjectStatus.explain(ObjectStatus.condition(live, "Reconciling").orElseThrow())));
        }
        for (String type : new String[] {"Ready", "Available"}) {
            Optional<JsonNode> condition = ObjectStatus.condition(live, type);
            if (condition.isPresent()) {
                return Optional.of(fromCondition(type, condition.get()));
            }
        }
        return Optional.of(Health.healthy());
    }

    private static Health fromCondition(String type, JsonNode condition) {
        String status = ObjectStatus.text(condition, "status");
        if ("True".equals(status)) {
            return Health.healthy();
        }
        String reason = ObjectStatus.text(condition, "reason");
        String message = type + " is " + (status.isEmpty() ? "Unknown" : status) + ": "
                + ObjectStatus.explain(condition);
        boolean failed = "False".equals(status) && (reason.contains("Fail") || reason.contains("Error"));
        return failed ? Health.degraded(message) : Health.progressing(message);
    }
}
