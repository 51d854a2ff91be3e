package io.gitops4j.samples.webhook;

import io.gitops4j.git.GitRef;
import io.gitops4j.git.GitSource;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.metrics.GitOpsMetrics;
import io.gitops4j.samples.folder.FolderTarget;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link GitWebhookServer} in front of a controller that keeps one Git repository applied to a folder:
 * pushes trigger a run at once, the interval (10 minutes) is the safety net.
 *
 * <pre>
 * GITHUB_WEBHOOK_SECRET=... java -cp samples/target/gitops4j.jar io.gitops4j.samples.webhook.WebhookMain \
 *     https://github.com/acme/shop.git main deploy
 * curl http://127.0.0.1:8089/metrics
 * </pre>
 */
public final class WebhookMain {
    private WebhookMain() {
    }

    /**
     * Serves until Ctrl-C.
     *
     * @param args the repository URL, then optionally the branch (default {@code main}) and the folder in it
     * @throws IOException when a temporary folder cannot be created
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: WebhookMain <repository-url> [branch] [path]; set GITHUB_WEBHOOK_SECRET"
                    + " and/or GITLAB_WEBHOOK_TOKEN");
            return;
        }
        String branch = args.length > 1 ? args[1] : "main";
        GitSource source = GitSource.builder().uri(args[0]).ref(GitRef.branch(branch))
                .path(args.length > 2 ? args[2] : "").build();
        Path live = Files.createTempDirectory("gitops4j-webhook-target-");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GitOpsMetrics metrics = GitOpsMetrics.bind(registry);
        GitWebhookServer.Builder server = GitWebhookServer.builder().registry(registry).port(8089)
                .routes(SourceRoutes.builder().route(args[0], branch, source.fetchKey()).build());
        String secret = System.getenv("GITHUB_WEBHOOK_SECRET");
        String token = System.getenv("GITLAB_WEBHOOK_TOKEN");
        if (secret != null && !secret.isEmpty()) {
            server.githubSecret(secret);
        }
        if (token != null && !token.isEmpty()) {
            server.gitlabToken(token);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (GitOpsController controller = GitOpsController.builder().listener(metrics.controllerListener())
                .reconcileListener(metrics.reconcileListener()).build();
             GitWebhookServer running = server.controller(controller).start()) {
            controller.add(Application.builder().name("webhook").source(source).target(new FolderTarget(live))
                    .interval(Duration.ofMinutes(10)).build());
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.println("Target:  " + live);
            System.out.println("Webhook: POST " + running.url() + "/hook");
            System.out.println("Metrics: " + running.url() + "/metrics, health: " + running.url() + "/healthz");
            stopped.await();
        }
    }
}
