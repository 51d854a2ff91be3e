package io.gitops4j.cel;

import static java.util.Objects.requireNonNull;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Many {@link CelHealthCheck}s registered by group and kind, as one {@link HealthAssessor}: an object is assessed
 * by the check of its kind, other kinds are left to the next assessor. Immutable and thread-safe.
 *
 * <pre>{@code
 * KubernetesTarget target = KubernetesTarget.builder().client(client)
 *         .healthAssessor(CelHealthChecks.of(List.of(certificates, widgets))).build();
 * }</pre>
 */
public final class CelHealthChecks implements HealthAssessor {
    private final Map<String, CelHealthCheck> byKind;

    private CelHealthChecks(Map<String, CelHealthCheck> byKind) {
        this.byKind = Map.copyOf(byKind);
    }

    /**
     * Registers checks by their group and kind.
     *
     * @param checks the checks, at most one per group and kind
     * @return the registry
     * @throws IllegalArgumentException when two checks are for the same group and kind
     */
    public static CelHealthChecks of(List<CelHealthCheck> checks) {
        requireNonNull(checks, "checks is null");
        Map<String, CelHealthCheck> byKind = new LinkedHashMap<>();
        for (CelHealthCheck check : checks) {
            String subject = CelHealthCheck.subject(check.group(), check.kind());
            if (byKind.putIfAbsent(subject, check) != null) {
                throw new IllegalArgumentException("two CEL health checks for " + subject + "; keep one");
            }
        }
        return new CelHealthChecks(byKind);
    }

    /**
     * Assesses an object with the check of its group and kind.
     *
     * @param live the live object
     * @return its health, or empty when no check is registered for its kind
     */
    @Override
    public Optional<Health> assess(Resource live) {
        requireNonNull(live, "live is null");
        CelHealthCheck check = byKind.get(CelHealthCheck.subject(live.key().group(), live.key().kind()));
        return check == null ? Optional.empty() : check.assess(live);
    }

    @Override
    public String toString() {
        return "CelHealthChecks" + byKind.keySet();
    }
}
