package io.gitops4j.health;

import io.gitops4j.model.Resource;
import java.util.Optional;

/**
 * Assesses the health of live objects of the kinds it knows, like Argo CD's per-kind health checks.
 *
 * <p>Implementations are stateless and thread-safe, and never throw for an object they do not understand:
 * they return empty, or {@link Health#unknown(String)} when the kind is theirs but the object is malformed.
 */
@FunctionalInterface
public interface HealthAssessor {

    /**
     * Assesses one live object.
     *
     * @param live the live object, with its {@code status}
     * @return its health, or empty when this assessor does not handle its kind
     */
    Optional<Health> assess(Resource live);
}
