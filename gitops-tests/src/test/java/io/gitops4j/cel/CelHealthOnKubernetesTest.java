package io.gitops4j.cel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.health.Health;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.ManualClock;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CEL health check on a {@link KubernetesTarget} over the embedded API: the engine applies a CRD and an object of
 * its kind, waits for health, and the object becomes healthy when a controller (the test) writes its status.
 */
class CelHealthOnKubernetesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceKey WIDGET = ResourceKey.of("example.com", "Widget", "shop", "blue");
    private static final Map<String, String> FILES = Map.of(
            "crd.yaml", """
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    metadata:
                      name: widgets.example.com
                    spec:
                      group: example.com
                      scope: Namespaced
                      names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
                      versions:
                      - name: v1
                        served: true
                        storage: true
                        subresources: {status: {}}
                        schema:
                          openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    """,
            "namespace.yaml", """
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: shop
                    """,
            "widget.yaml", """
                    apiVersion: example.com/v1
                    kind: Widget
                    metadata:
                      name: blue
                      namespace: shop
                    spec:
                      size: 3
                    """);

    private final ManualClock clock = ManualClock.create();
    private final List<HealthStatus> polled = new ArrayList<>();
    private EmbeddedKubernetesApi api;
    private KubernetesClient client;
    private KubernetesTarget target;

    @BeforeEach
    void start() {
        api = EmbeddedKubernetesApi.builder().build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
        target = KubernetesTarget.builder().client(client).inventoryNamespace("kube-system")
                .healthAssessor(CelHealthCheck.builder().apiVersion("example.com/v1").kind("Widget")
                        .failed("has(status.conditions) && status.conditions.exists(c, c.type == 'Ready' "
                                + "&& c.status == 'False')")
                        .current("has(status.conditions) && status.conditions.exists(c, c.type == 'Ready' "
                                + "&& c.status == 'True')")
                        .build())
                .build();
    }

    @AfterEach
    void stop() {
        target.close();
        client.close();
        api.close();
    }

    @Test
    void aCustomObjectBecomesHealthyWhenItsControllerWritesAReadyStatus() {
        // given: the status is written during the engine's first wait between health polls
        InMemorySource source = InMemorySource.create();
        source.commitFiles("r1", FILES);
        GitOpsEngine engine = GitOpsEngine.builder().application("widgets").source(source).target(target)
                .clock(clock).sleeper(duration -> {
                    polled.add(target.health(observe()).status());
                    if (polled.size() == 1) {
                        api.setStatus("example.com/v1", "Widget", "shop", "blue", ready("True"));
                    }
                    clock.advance(duration);
                }).build();

        // when
        ReconcileResult result = engine.reconcile(ReconcileOptions.builder().healthTimeout(Duration.ofMinutes(1))
                .build());

        // then: progressing before the status, healthy after it
        assertThat(polled).containsExactly(HealthStatus.PROGRESSING);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.health()).containsEntry(WIDGET, Health.healthy());
        assertThat(result.healthy()).isTrue();
    }

    @Test
    void aCustomObjectWhoseStatusSaysFailedIsDegraded() {
        // given
        InMemorySource source = InMemorySource.create();
        source.commitFiles("r1", FILES);
        GitOpsEngine engine = GitOpsEngine.builder().application("widgets").source(source).target(target)
                .clock(clock).sleeper(clock).build();
        engine.reconcile(ReconcileOptions.defaults());

        // when
        api.setStatus("example.com/v1", "Widget", "shop", "blue", ready("False"));

        // then
        assertThat(target.health(observe())).isEqualTo(Health.degraded("failed expression holds"));
    }

    private static JsonNode ready(String status) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("conditions").addObject().put("type", "Ready").put("status", status);
        return root;
    }

    private Resource observe() {
        return target.observe(List.of(WIDGET)).get(WIDGET).orElseThrow().object();
    }
}
