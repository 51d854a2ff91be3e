package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the target suite against the testkit's in-process {@link EmbeddedKubernetesApi}, plus the cases that need
 * to play a controller or another tool on the server.
 */
class EmbeddedKubernetesTargetTest extends KubernetesTargetContract {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster();

    @Override
    protected KubernetesClient client() {
        return CLUSTER.client();
    }

    @Test
    void healthFollowsTheStatusAControllerWrites() {
        ResourceKey key = target.apply(Manifests.deployment(ns, "web", "nginx:1.27", 2), ApplyOptions.DEFAULT).key();
        Health before = target.health(observeOne(key).object());
        CLUSTER.api().setStatus("apps/v1", "Deployment", ns, "web", Manifests.availableDeploymentStatus(1, 2));

        Health after = target.health(observeOne(key).object());

        assertThat(before.status()).isEqualTo(HealthStatus.PROGRESSING);
        assertThat(after).isEqualTo(Health.healthy());
    }

    @Test
    void aKindWhoseCrdAnotherToolCreatedResolvesAfterARefresh() {
        target.resolve(ResourceKey.of("", "ConfigMap", ns, "load-discovery"));
        String group = "h" + ns.substring(ns.length() - 8) + ".gitops4j.io";
        CLUSTER.client().apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("gizmos." + group).endMetadata()
                .withNewSpec().withGroup(group).withScope("Cluster")
                .withNewNames().withKind("Gizmo").withPlural("gizmos").withSingular("gizmo").endNames()
                .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion()
                .endSpec().build()).create();

        try {
            ResourceKey resolved = target.resolve(ResourceKey.clusterScoped(group, "Gizmo", "one"));

            assertThat(resolved).isEqualTo(ResourceKey.clusterScoped(group, "Gizmo", "one"));
        } finally {
            CLUSTER.client().apiextensions().v1().customResourceDefinitions().withName("gizmos." + group).delete();
        }
    }
}
