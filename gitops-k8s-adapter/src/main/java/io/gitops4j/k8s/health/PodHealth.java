package io.gitops4j.k8s.health;

import static io.gitops4j.k8s.health.ObjectStatus.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.health.Health;
import io.gitops4j.model.Resource;
import io.gitops4j.health.HealthAssessor;
import java.util.Optional;
import java.util.Set;

/**
 * Health of a {@code Pod}, as Argo CD judges it: {@code Succeeded} is healthy and {@code Failed} degraded; a
 * container waiting on an image pull error, a crash loop or a bad configuration is degraded; a running pod that
 * restarts always is healthy once {@code Ready}; anything else is progressing. Stateless and thread-safe.
 */
final class PodHealth implements HealthAssessor {
    private static final Set<String> BROKEN = Set.of("ErrImagePull", "ImagePullBackOff", "CrashLoopBackOff",
            "CreateContainerConfigError", "CreateContainerError", "InvalidImageName", "RunContainerError");

    /** Creates the assessor. */
    PodHealth() {
    }

    /**
     * Assesses a Pod.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "", "Pod")) {
            return Optional.empty();
        }
        JsonNode status = ObjectStatus.status(live);
        String phase = text(status, "phase");
        if ("Succeeded".equals(phase)) {
            return Optional.of(Health.healthy());
        }
        if ("Failed".equals(phase)) {
            String why = text(status, "message").isEmpty() ? text(status, "reason") : text(status, "message");
            return Optional.of(Health.degraded("Pod failed" + (why.isEmpty() ? "" : ": " + why)));
        }
        Optional<String> broken = brokenContainer(status);
        if (broken.isPresent()) {
            return Optional.of(Health.degraded(broken.get()));
        }
        if (!live.tree().path("metadata").path("deletionTimestamp").isMissingNode()) {
            return Optional.of(Health.progressing("Pod is terminating"));
        }
        String restart = text(ObjectStatus.spec(live), "restartPolicy");
        if ("Running".equals(phase) && (restart.isEmpty() || "Always".equals(restart))) {
            return Optional.of(ObjectStatus.isTrue(live, "Ready") ? Health.healthy()
                    : Health.progressing("Pod is running but not Ready"));
        }
        return Optional.of(Health.progressing("Pod is " + (phase.isEmpty() ? "being scheduled" : phase)));
    }

    private static Optional<String> brokenContainer(JsonNode status) {
        for (String field : new String[] {"initContainerStatuses", "containerStatuses"}) {
            for (JsonNode container : status.path(field)) {
                JsonNode waiting = container.path("state").path("waiting");
                String reason = text(waiting, "reason");
                if (BROKEN.contains(reason)) {
                    String message = text(waiting, "message");
                    return Optional.of("container " + text(container, "name") + " is waiting: " + reason
                            + (message.isEmpty() ? "" : " (" + message + ")"));
                }
            }
        }
        return Optional.empty();
    }
}
