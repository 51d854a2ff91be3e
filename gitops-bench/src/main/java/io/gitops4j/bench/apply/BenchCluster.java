package io.gitops4j.bench.apply;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded Kubernetes API for a benchmark, with the namespaces the shapes need, a kubeconfig file for the
 * processes, and an in-process client and target that count the writes they send. The server runs with
 * {@code TCP_NODELAY}, as a real API server does; its target may answer observations from watches
 * ({@link KubernetesTarget.Builder#watchCache(boolean)}). Close it to stop everything.
 */
final class BenchCluster implements AutoCloseable {
    final EmbeddedKubernetesApi api;
    final Path kubeconfig;
    final Path work;
    final KubernetesClient client;
    final KubernetesTarget target;
    private final AtomicInteger writes = new AtomicInteger();

    BenchCluster() {
        this(false);
    }

    /** A cluster whose target answers observations from watches when {@code watchCache} is set. */
    BenchCluster(boolean watchCache) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            work = Files.createTempDirectory("gitops4j-bench-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        api = EmbeddedKubernetesApi.builder().namespaces(BenchManifests.ARGOCD_NAMESPACE).build().start();
        kubeconfig = api.writeKubeconfig(work.resolve("kubeconfig.yaml"));
        Interceptor counter = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                if (!request.method().equals("GET")) {
                    writes.incrementAndGet();
                }
            }
        };
        Config config = Config.fromKubeconfig(api.kubeconfig());
        config.setMaxConcurrentRequestsPerHost(KubernetesTarget.DEFAULT_APPLY_CONCURRENCY);
        client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("writes", counter)).build();
        target = KubernetesTarget.builder().client(client).watchCache(watchCache).build();
    }

    /** An engine applying a folder to this cluster's target. */
    GitOpsEngine engine(String application, Path dir) {
        return GitOpsEngine.builder().application(application).source(DirectorySource.of(dir)).target(target).build();
    }

    /** Applies a folder to this cluster with {@code kubectl apply --server-side} as a process (kubectl required). */
    void kubectlApply(Path dir) {
        Processes.kubectlApply(Processes.requireKubectl(), kubeconfig, work.resolve("kubectl"), dir);
    }

    /**
     * Applies a folder to this cluster with the gitops4j CLI as a process, started as {@code launch} says, on this
     * benchmark's java.
     */
    void cliApply(Processes.CliLaunch launch, Path dir) {
        cliApply(launch, CliJavas.own(), dir);
    }

    /** Applies a folder to this cluster with the gitops4j CLI as a process on a java, started as {@code launch} says. */
    void cliApply(Processes.CliLaunch launch, Path javaHome, Path dir) {
        Processes.cliApply(launch, javaHome, kubeconfig, work.resolve("cli"), dir);
    }

    /** Returns how many requests other than GET the in-process client sent since the last call, and restarts. */
    int takeWrites() {
        return writes.getAndSet(0);
    }

    @Override
    public void close() {
        target.close();
        client.close();
        api.close();
    }
}
