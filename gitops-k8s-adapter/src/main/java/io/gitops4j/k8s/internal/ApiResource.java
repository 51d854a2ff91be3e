package io.gitops4j.k8s.internal;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * One REST resource type the API server serves: group, version, kind, plural and scope, as discovery reports
 * them.
 *
 * @param group the API group, {@code ""} for core
 * @param version the version discovery prefers, e.g. {@code v1}
 * @param kind the kind, e.g. {@code Deployment}
 * @param plural the REST resource name, e.g. {@code deployments}
 * @param namespaced whether objects of this type live in a namespace
 */
public record ApiResource(String group, String version, String kind, String plural, boolean namespaced) {

    /** Validates the components. */
    public ApiResource {
        requireNonNull(group, "group is null");
        requireNonNull(version, "version is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(plural, "plural is null");
    }

    /**
     * Returns the fabric8 context addressing this type at a version.
     *
     * @param atVersion the version to address, e.g. the version of a desired object's {@code apiVersion}
     * @return the context for {@code genericKubernetesResources}
     */
    public ResourceDefinitionContext context(String atVersion) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(atVersion)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
    }

    /**
     * Returns the fabric8 context addressing this type at its preferred version.
     *
     * @return the context
     */
    public ResourceDefinitionContext context() {
        return context(version);
    }

    /**
     * Returns {@code group/version}, or {@code version} for the core group.
     *
     * @return the API version string
     */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
