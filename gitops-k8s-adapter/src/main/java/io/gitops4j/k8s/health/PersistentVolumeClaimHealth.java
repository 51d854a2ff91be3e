package io.gitops4j.k8s.health;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Health of a {@code PersistentVolumeClaim}: healthy when {@code Bound}, degraded when {@code Lost}, progressing
 * while {@code Pending}. Stateless and thread-safe.
 */
final class PersistentVolumeClaimHealth implements HealthAssessor {

    /** Creates the assessor. */
    PersistentVolumeClaimHealth() {
    }

    /**
     * Assesses a PersistentVolumeClaim.
     *
     * @param live the live object
     * @return its health, or empty for other kinds
     */
    @Override
    public Optional<Health> assess(Resource live) {
        if (!ObjectStatus.is(live, "", "PersistentVolumeClaim")) {
            return Optional.empty();
        }
        String phase = ObjectStatus.text(ObjectStatus.status(live), "phase");
        if ("Bound".equals(phase)) {
            return Optional.of(Health.healthy());
        }
        if ("Lost".equals(phase)) {
            return Optional.of(Health.degraded("PersistentVolumeClaim lost its volume"));
        }
        return Optional.of(Health.progressing("PersistentVolumeClaim is "
                + (phase.isEmpty() ? "not bound yet" : phase) + ", waiting for a volume to bind"));
    }
}
