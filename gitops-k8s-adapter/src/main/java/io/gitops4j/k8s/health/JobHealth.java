package io.gitops4j.k8s.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of a {@code batch/Job}: healthy once {@code Complete}, degraded once {@code Failed} (or its
 * {@code FailureTarget} is reached), suspended while {@code spec.suspend} is set, progressing while it runs.
 * Stateless and thread-safe.
 */
final class JobHealth implements HealthAssessor {

    /** Creates the assessor. */
    JobHealth() {
    }

    /**
     * Assesses a Job.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "batch", "Job")) {
            return Optional.empty();
        }
        for (String failure : new String[] {"Failed", "FailureTarget"}) {
            Optional<JsonNode> failed = ObjectStatus.condition(live, failure);
            if (failed.isPresent() && "True".equals(ObjectStatus.text(failed.get(), "status"))) {
                return Optional.of(Health.degraded("Job failed: " + ObjectStatus.explain(failed.get())));
            }
        }
        if (ObjectStatus.isTrue(live, "Complete")) {
            return Optional.of(Health.healthy());
        }
        if (ObjectStatus.spec(live).path("suspend").asBoolean(false)) {
            return Optional.of(Health.suspended("Job is suspended"));
        }
        JsonNode status = ObjectStatus.status(live);
        return Optional.of(Health.progressing("Job is running: " + ObjectStatus.number(status, "active", 0)
                + " active, " + ObjectStatus.number(status, "succeeded", 0) + " succeeded, "
                + ObjectStatus.number(status, "failed", 0) + " failed pods"));
    }
}
