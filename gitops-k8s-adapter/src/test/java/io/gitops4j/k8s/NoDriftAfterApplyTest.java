package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.DefaultStateDiffer;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.model.LiveResource;
import io.gitops4j.model.Resource;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core three-way diff sees no drift in an object the target just applied, although the server (and its
 * controllers) added fields, and sees drift when someone changes a declared field.
 *
 * <p>The embedded API does no defaulting, so the test plays the API server's defaulting and a controller: a second
 * manager writes the fields a real server adds to a Deployment (as an {@code Update}, like the controller manager)
 * and a status; for the differ that is the same: fields only others set.
 */
class NoDriftAfterApplyTest {
    private static EmbeddedKubernetesApi api;
    private static KubernetesClient client;

    @BeforeAll
    static void startApi() {
        api = EmbeddedKubernetesApi.builder().namespaces("shop").build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
    }

    @AfterAll
    static void stopApi() {
        client.close();
        api.close();
    }

    @Test
    void aJustAppliedDeploymentWithServerDefaultsHasNoDrift() {
        KubernetesTarget target = KubernetesTarget.builder().client(client).build();
        Resource desired = Manifests.deployment("shop", "web", "nginx:1.27", 2);
        target.apply(desired, ApplyOptions.DEFAULT);
        addServerDefaults("web");

        LiveResource live = target.observe(List.of(desired.key())).get(desired.key()).orElseThrow();
        ResourceDiff diff = DefaultStateDiffer.defaults().diff(desired.key(), desired, live);

        assertThat(live.object().tree().at("/spec/progressDeadlineSeconds").asInt()).isEqualTo(600);
        assertThat(diff.type()).as(diff.changes().toString()).isEqualTo(ChangeType.NONE);
    }

    @Test
    void aChangedDeclaredFieldIsDriftAndAFieldDroppedFromGitIsRemoved() {
        KubernetesTarget target = KubernetesTarget.builder().client(client).build();
        Resource applied = Manifests.deployment("shop", "api", "nginx:1.27", 2);
        target.apply(applied, ApplyOptions.DEFAULT);
        addServerDefaults("api");
        client.apps().deployments().inNamespace("shop").withName("api")
                .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(7).endSpec().build());
        Resource desired = Manifests.resource(Manifests.tree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: shop
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: api
                  template:
                    metadata:
                      labels:
                        app: api
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                """).toString());

        LiveResource live = target.observe(List.of(desired.key())).get(desired.key()).orElseThrow();
        ResourceDiff diff = DefaultStateDiffer.defaults().diff(desired.key(), desired, live);

        assertThat(diff.type()).isEqualTo(ChangeType.UPDATE);
        assertThat(diff.changes()).extracting(c -> c.path())
                .contains("/spec/replicas")
                .anyMatch(path -> path.startsWith("/metadata/labels"))
                .anyMatch(path -> path.contains("/ports"));
    }

    private static void addServerDefaults(String name) {
        client.apps().deployments().inNamespace("shop").withName(name).edit(d -> defaulted(d));
        api.setStatus("apps/v1", "Deployment", "shop", name, Manifests.availableDeploymentStatus(1, 2));
    }

    private static Deployment defaulted(Deployment deployment) {
        return new DeploymentBuilder(deployment)
                .editSpec()
                .withProgressDeadlineSeconds(600)
                .withRevisionHistoryLimit(10)
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withNewMaxSurge("25%").withNewMaxUnavailable("25%").endRollingUpdate().endStrategy()
                .editTemplate().editSpec()
                .withDnsPolicy("ClusterFirst").withRestartPolicy("Always").withSchedulerName("default-scheduler")
                .withTerminationGracePeriodSeconds(30L)
                .editFirstContainer().withImagePullPolicy("IfNotPresent")
                .withTerminationMessagePath("/dev/termination-log").withTerminationMessagePolicy("File")
                .endContainer()
                .endSpec().endTemplate()
                .endSpec()
                .build();
    }
}
