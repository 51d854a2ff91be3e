package io.gitops4j.samples.demo;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the demo applies: the testkit's embedded Kubernetes API with a simulated Deployment controller, or a real
 * cluster from a kubeconfig. Owns the client, the target and (when embedded) the API server; {@link #close()}
 * releases them.
 */
final class DemoCluster implements AutoCloseable {
    private final EmbeddedKubernetesApi api;
    private final SimulatedController controller;
    private final KubernetesClient client;
    private final KubernetesTarget target;
    private final String description;

    private DemoCluster(EmbeddedKubernetesApi api, KubernetesClient client, String description,
            String inventoryNamespace) {
        this.api = api;
        this.client = client;
        this.description = description;
        this.controller = api == null ? null : new SimulatedController(api, client);
        // Git wins: a field someone changed by hand is taken back by server-side apply, as Flux does.
        this.target = KubernetesTarget.builder().client(client).forceConflicts(true)
                .inventoryNamespace(inventoryNamespace).build();
        if (controller != null) {
            controller.start();
        }
    }

    /** Starts an embedded Kubernetes API on a free port of 127.0.0.1. */
    static DemoCluster embedded() {
        EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig()))
                .build();
        return new DemoCluster(api, client, "embedded Kubernetes API at " + api.url(),
                KubernetesTarget.DEFAULT_INVENTORY_NAMESPACE);
    }

    /**
     * Connects to a real cluster.
     *
     * @param kubeconfig the kubeconfig file
     * @param context the context, or {@code null} for the current one
     */
    static DemoCluster real(Path kubeconfig, String context) {
        String text;
        try {
            text = Files.readString(kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
        }
        Config config = Config.fromKubeconfig(context, text, kubeconfig.toString());
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        // the demo keeps its inventory in "default", which every cluster has, so it runs without any setup
        return new DemoCluster(null, client, "cluster " + config.getMasterUrl()
                + (context == null ? "" : " (context " + context + ")"), "default");
    }

    KubernetesTarget target() {
        return target;
    }

    KubernetesClient client() {
        return client;
    }

    boolean isEmbedded() {
        return api != null;
    }

    Optional<EmbeddedKubernetesApi> api() {
        return Optional.ofNullable(api);
    }

    /** How long a reconcile waits for health: seconds for the simulation, minutes for real image pulls. */
    Duration healthTimeout() {
        return isEmbedded() ? Duration.ofSeconds(30) : Duration.ofMinutes(3);
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (controller != null) {
            controller.close();
        }
        target.close();
        client.close();
        if (api != null) {
            api.close();
        }
    }
}
