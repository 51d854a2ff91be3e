package io.gitops4j.samples.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.samples.demo.SimulatedController;
import io.gitops4j.target.Target;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An opened target with a description and the resources to close after the command (in reverse order). */
final class OpenTarget implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenTarget.class);

    private final Target target;
    private final String description;
    private final List<AutoCloseable> resources;

    private OpenTarget(Target target, String description, List<AutoCloseable> resources) {
        this.target = target;
        this.description = description;
        this.resources = List.copyOf(resources);
    }

    static OpenTarget of(Target target, String description, AutoCloseable... resources) {
        return new OpenTarget(target, description, List.of(resources));
    }

    /**
     * Starts an embedded API (with the namespace gitops4j-system, as on a prepared cluster) with a simulated
     * Deployment controller, and a Kubernetes target on it.
     */
    static OpenTarget embedded(String namespace, String inventoryNamespace) {
        List<AutoCloseable> resources = new ArrayList<>();
        EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start();
        resources.add(api);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig()))
                .build();
        resources.add(client);
        SimulatedController controller = new SimulatedController(api, client);
        controller.start();
        resources.add(controller);
        KubernetesTarget.Builder builder = KubernetesTarget.builder().client(client)
                .inventoryNamespace(inventoryNamespace);
        if (namespace != null) {
            builder.defaultNamespace(namespace);
        }
        return new OpenTarget(builder.build(), "embedded Kubernetes API at " + api.url()
                + " (simulated Deployment controller)", resources);
    }

    /**
     * Starts, on a thread of its own, the first requests a run of a Kubernetes target makes (the discovery of the core
     * group), so the client's connection and request path are ready when the engine needs them; does nothing for
     * other targets. A failure is left for the run to meet (and report) itself.
     */
    void warmUp() {
        if (!(target instanceof KubernetesTarget)) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            try {
                target.resolve(new ResourceKey("", "Namespace", "", "default"));
            } catch (RuntimeException e) {
                LOG.debug("warming up {} failed; the run reports what it meets", description, e);
            }
        }, "gitops4j-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    Target target() {
        return target;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing {} failed; the command's own outcome stands", resources.get(i), e);
            }
        }
    }
}
