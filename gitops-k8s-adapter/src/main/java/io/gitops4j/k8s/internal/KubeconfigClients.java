package io.gitops4j.k8s.internal;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.target.TargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Builds fabric8 clients from kubeconfig files, with connection and request timeouts. Stateless. */
public final class KubeconfigClients {
    private KubeconfigClients() {
    }

    /**
     * Builds a client.
     *
     * @param kubeconfig the kubeconfig file
     * @param context the context to use, or {@code null} for the file's current context
     * @param connectTimeout the connection timeout
     * @param requestTimeout the request timeout
     * @return a new client, owned by the caller
     * @throws TargetException when the file cannot be read or parsed, or the context does not exist
     */
    public static KubernetesClient build(Path kubeconfig, String context, Duration connectTimeout,
            Duration requestTimeout) {
        if (!Files.isReadable(kubeconfig)) {
            throw new TargetException(null, "cannot read kubeconfig " + kubeconfig
                    + ": no such readable file; check the path and its permissions");
        }
        Config config;
        try {
            config = Config.fromKubeconfig(context, kubeconfig.toFile());
        } catch (RuntimeException e) {
            throw new TargetException(null, "cannot load kubeconfig " + kubeconfig
                    + (context == null ? "" : " (context " + context + ")") + ": " + e.getMessage(), e);
        }
        config.setConnectionTimeout(Math.toIntExact(connectTimeout.toMillis()));
        config.setRequestTimeout(Math.toIntExact(requestTimeout.toMillis()));
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
