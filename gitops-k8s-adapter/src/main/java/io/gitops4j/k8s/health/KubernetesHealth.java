package io.gitops4j.k8s.health;

import static java.util.Objects.requireNonNull;

import io.gitops4j.health.Health;
import io.gitops4j.health.HealthAssessor;
import io.gitops4j.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The health rules of a Kubernetes target: the caller's own assessors first, then the built-in per-kind rules
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, Pod, PersistentVolumeClaim, Service, CustomResourceDefinition,
 * Namespace), then a generic rule on the conditions {@code Ready}/{@code Available} for every other kind. The first
 * assessor that handles a kind decides. Immutable and thread-safe.
 */
public final class KubernetesHealth implements HealthAssessor {
    private final List<HealthAssessor> chain;

    private KubernetesHealth(List<HealthAssessor> chain) {
        this.chain = List.copyOf(chain);
    }

    /**
     * Returns the built-in rules.
     *
     * @return the assessor chain
     */
    public static KubernetesHealth builtIn() {
        return withCustom(List.of());
    }

    /**
     * Returns the built-in rules preceded by custom ones (for kinds of your own, or to override a built-in rule).
     *
     * @param custom assessors asked first, in order
     * @return the assessor chain
     */
    public static KubernetesHealth withCustom(List<HealthAssessor> custom) {
        requireNonNull(custom, "custom is null");
        List<HealthAssessor> chain = new ArrayList<>(custom);
        chain.add(new DeploymentHealth());
        chain.add(new StatefulSetHealth());
        chain.add(new DaemonSetHealth());
        chain.add(new ReplicaSetHealth());
        chain.add(new JobHealth());
        chain.add(new PodHealth());
        chain.add(new PersistentVolumeClaimHealth());
        chain.add(new ServiceHealth());
        chain.add(new CustomResourceDefinitionHealth());
        chain.add(new NamespaceHealth());
        chain.add(new ConditionsHealth());
        return new KubernetesHealth(chain);
    }

    /**
     * Assesses an object with the first assessor that handles its kind.
     *
     * @param live the live object
     * @return its health; never empty, since the last rule handles every kind
     */
    @Override
    public Optional<Health> assess(Resource live) {
        return Optional.of(health(live));
    }

    /**
     * Assesses an object; an assessor that throws yields {@link Health#unknown(String)}.
     *
     * @param live the live object
     * @return its health
     */
    public Health health(Resource live) {
        requireNonNull(live, "live is null");
        for (HealthAssessor assessor : chain) {
            Optional<Health> health;
            try {
                health = assessor.assess(live);
            } catch (RuntimeException e) {
                return Health.unknown("health rule " + assessor.getClass().getSimpleName() + " failed: " + e);
            }
            if (health.isPresent()) {
                return health.get();
            }
        }
        return Health.healthy();
    }
}
