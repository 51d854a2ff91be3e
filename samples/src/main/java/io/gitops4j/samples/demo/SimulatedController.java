package io.gitops4j.samples.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the Kubernetes Deployment controller for the embedded API, which runs no controllers: every
 * {@code POLL} it lists Deployments and, for each whose status has not observed its latest generation, reports
 * every desired replica as updated, ready and available through {@link EmbeddedKubernetesApi#setStatus}. This is
 * a simulation (no pods run), and the demo says so. Thread-safe; {@link #close()} stops it.
 */
public final class SimulatedController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedController.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedKubernetesApi api;
    private final KubernetesClient client;
    private final ScheduledExecutorService executor;
    private final AtomicInteger updates = new AtomicInteger();

    /**
     * Creates a controller for an embedded API; call {@link #start()}.
     *
     * @param api the embedded API whose status hook it uses
     * @param client a client of that API, used to list Deployments
     */
    public SimulatedController(EmbeddedKubernetesApi api, KubernetesClient client) {
        this.api = api;
        this.client = client;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "simulated-deployment-controller");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts polling. */
    public void start() {
        executor.scheduleWithFixedDelay(this::pass, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns how many status updates the simulated controller made so far. */
    public int updates() {
        return updates.get();
    }

    private void pass() {
        try {
            for (GenericKubernetesResource deployment : client.genericKubernetesResources("apps/v1", "Deployment")
                    .inAnyNamespace().list().getItems()) {
                roll(deployment);
            }
        } catch (KubernetesClientException | IllegalArgumentException e) {
            LOG.debug("simulated controller pass failed, retrying: {}", e.getMessage());
        }
    }

    private void roll(GenericKubernetesResource deployment) {
        long generation = deployment.getMetadata().getGeneration() == null ? 1
                : deployment.getMetadata().getGeneration();
        Number observed = deployment.get("status", "observedGeneration");
        if (observed != null && observed.longValue() == generation) {
            return;
        }
        Number declared = deployment.get("spec", "replicas");
        int replicas = declared == null ? 1 : declared.intValue();
        ObjectNode status = JSON.createObjectNode();
        status.put("observedGeneration", generation).put("replicas", replicas).put("updatedReplicas", replicas)
                .put("readyReplicas", replicas).put("availableReplicas", replicas);
        ArrayNode conditions = status.putArray("conditions");
        conditions.addObject().put("type", "Available").put("status", "True")
                .put("reason", "MinimumReplicasAvailable").put("message", "Deployment has minimum availability.");
        conditions.addObject().put("type", "Progressing").put("status", "True")
                .put("reason", "NewReplicaSetAvailable").put("message", "simulated rollout complete");
        api.setStatus("apps/v1", "Deployment", deployment.getMetadata().getNamespace(),
                deployment.getMetadata().getName(), status);
        updates.incrementAndGet();
        LOG.debug("simulated controller: Deployment {}/{} has {} available replicas",
                deployment.getMetadata().getNamespace(), deployment.getMetadata().getName(), replicas);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
