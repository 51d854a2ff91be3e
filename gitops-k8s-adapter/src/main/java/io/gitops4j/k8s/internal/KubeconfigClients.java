package io.gitops4j.k8s.internal;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.gitops4j.TargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds fabric8 clients from kubeconfig files, with connection and request timeouts and a bounded number of
 * retries of a failed request (fabric8 itself retries ten times, about 19 s per request). Stateless.
 */
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
     * @param retries how many times a request that failed to connect or got a 5xx answer is retried
     * @param retryInterval the wait before the first retry, doubled before each further one
     * @param concurrentRequests how many requests to the server may be under way at once, at least
     * @param httpClientFactory the HTTP client factory, or {@code null} for the one fabric8 finds on the class path
     * @return a new client, owned by the caller
     * @throws TargetException when the file cannot be read or parsed, or the context does not exist
     */
    public static KubernetesClient build(Path kubeconfig, String context, Duration connectTimeout,
            Duration requestTimeout, int retries, Duration retryInterval, int concurrentRequests, HttpClient.Factory httpClientFactory) {
        if (!Files.isReadable(kubeconfig)) {
            throw new TargetException(null, "cannot read kubeconfig " + kubeconfig
                    + ": no such readable file; check the path and its permissions");
        }
        Config config;
        try {
            config = PlainKubeconfig.read(kubeconfig, context)
                    .orElseGet(() -> Config.fromKubeconfig(context, kubeconfig.toFile()));
        } catch (RuntimeException e) {
            throw new TargetException(null, "cannot load kubeconfig " + kubeconfig
                    + (context == null ? "" : " (context " + context + ")") + ": " + e.getMessage(), e);
        }
        if (config.getMasterUrl() != null && config.getMasterUrl().startsWith("http://")) {
            // plain http has no certificate to verify: this skips loading the JDK's trust store (tens of ms)
            config.setTrustCerts(true);
        }
        config.setConnectionTimeout(Math.toIntExact(connectTimeout.toMillis()));
        config.setRequestTimeout(Math.toIntExact(requestTimeout.toMillis()));
        config.setRequestRetryBackoffLimit(retries);
        config.setRequestRetryBackoffInterval(Math.toIntExact(retryInterval.toMillis()));
        config.setMaxConcurrentRequestsPerHost(Math.max(config.getMaxConcurrentRequestsPerHost(), concurrentRequests));
        config.setMaxConcurrentRequests(Math.max(config.getMaxConcurrentRequests(), concurrentRequests));
        KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(config);
        if (httpClientFactory != null) {
            builder.withHttpClientFactory(httpClientFactory);
        }
        return builder.build();
    }
}
