package io.gitops4j.samples.webhook;

import static org.assertj.core.api.Assertions.assertThat;


import io.gitops4j.git.GitSource;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.loop.HistoryEntry;
import io.gitops4j.loop.RunReason;
import io.gitops4j.metrics.GitOpsMetrics;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitWebhookServerTest {
    private static final String SECRET = "it's a secret";
    private static final String TOKEN = "gitlab-token";
    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"
            + "  namespace: shop\ndata:\n  v: '%s'\n";
    private static final String GITHUB_PUSH = "{\"ref\":\"refs/heads/main\",\"repository\":{"
            + "\"clone_url\":\"https://github.com/acme/shop.git\",\"html_url\":\"https://github.com/acme/shop\"}}";
    private static final String GITLAB_PUSH = "{\"object_kind\":\"push\",\"ref\":\"refs/heads/main\",\"project\":{"
            + "\"git_http_url\":\"https://github.com/acme/shop.git\",\"web_url\":\"https://github.com/acme/shop\"}}";

    @TempDir
    Path folder;

    private final GitRepoFixture repository = GitRepoFixture.create();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> triggeredKeys = new CopyOnWriteArrayList<>();
    private final BlockingQueue<HistoryEntry> runs = new LinkedBlockingQueue<>();
    private GitSource source;
    private GitOpsController controller;
    private GitWebhookServer server;

    @BeforeEach
    void start() throws Exception {
        repository.commit(Map.of("cm.yaml", CONFIG_MAP.formatted("1")));
        source = GitSource.builder().uri(repository.fileUri()).cacheDirectory(folder).build();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GitOpsMetrics metrics = GitOpsMetrics.bind(registry);
        ControllerListener recorder = new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                runs.add(entry);
            }
        };
        controller = GitOpsController.builder().listener(ControllerListener.of(metrics.controllerListener(), recorder))
                .reconcileListener(metrics.reconcileListener()).build();
        controller.add(Application.builder().name("shop")
                .source(source).target(InMemoryTarget.create())
                .interval(Duration.ofHours(1)).build());
        assertThat(runs.poll(30, TimeUnit.SECONDS)).isNotNull();
        server = GitWebhookServer.builder().trigger(key -> {
            triggeredKeys.add(key);
            return controller.triggerSource(key);
        }).routes(SourceRoutes.builder().route("https://github.com/acme/shop", "main", source.fetchKey()).build())
                .githubSecret(SECRET).gitlabToken(TOKEN).registry(registry).start();
    }

    @AfterEach
    void stop() {
        server.close();
        controller.close();
        source.close();
        repository.close();
    }

    private HttpResponse<String> post(String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "/hook"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String signature(String body) {
        return "sha256=" + HexFormat.of().formatHex(WebhookAuth.hmacSha256(SECRET.getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignedGithubPushTriggersTheSourceItNamesWhichAppliesThePushedCommit() throws Exception {
        // given
        String pushed = repository.commit(Map.of("cm.yaml", CONFIG_MAP.formatted("2")));

        // when
        HttpResponse<String> response = post(GITHUB_PUSH, "X-GitHub-Event", "push",
                "X-Hub-Signature-256", signature(GITHUB_PUSH));

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"triggered\":1}");
        assertThat(triggeredKeys).containsExactly(source.fetchKey());
        HistoryEntry run = runs.poll(30, TimeUnit.SECONDS);
        assertThat(run).isNotNull();
        assertThat(run.reason()).isEqualTo(RunReason.TRIGGER);
        assertThat(run.revision()).isEqualTo(pushed);
        assertThat(run.applied()).isEqualTo(1);
    }

    @Test
    void aWronglySignedOrUnsignedGithubPushIsRefusedAndTriggersNothing() throws Exception {
        // when
        HttpResponse<String> wrong = post(GITHUB_PUSH, "X-GitHub-Event", "push",
                "X-Hub-Signature-256", signature(GITHUB_PUSH + " "));
        HttpResponse<String> unsigned = post(GITHUB_PUSH, "X-GitHub-Event", "push");

        // then
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(triggeredKeys).isEmpty();
    }

    @Test
    void aGitlabPushWithTheTokenTriggersAndWithAnotherTokenIsRefused() throws Exception {
        // when
        HttpResponse<String> refused = post(GITLAB_PUSH, "X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", "guess");
        List<String> afterRefused = List.copyOf(triggeredKeys);
        HttpResponse<String> accepted = post(GITLAB_PUSH, "X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", TOKEN);

        // then
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(afterRefused).isEmpty();
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(triggeredKeys).containsExactly(source.fetchKey());
    }

    @Test
    void aPushOfAnUnknownRepositoryOrBranchIsAcceptedButTriggersNothing() throws Exception {
        // given
        String otherRepo = GITHUB_PUSH.replace("acme/shop", "acme/blog");
        String otherBranch = GITHUB_PUSH.replace("refs/heads/main", "refs/heads/feature");

        // when
        HttpResponse<String> repo = post(otherRepo, "X-GitHub-Event", "push",
                "X-Hub-Signature-256", signature(otherRepo));
        HttpResponse<String> branch = post(otherBranch, "X-GitHub-Event", "push",
                "X-Hub-Signature-256", signature(otherBranch));

        // then
        assertThat(repo.statusCode()).isEqualTo(204);
        assertThat(branch.statusCode()).isEqualTo(204);
        assertThat(triggeredKeys).isEmpty();
    }

    @Test
    void metricsAreServedAsPrometheusTextAndHealthzAnswersOk() throws Exception {
        // given
        post(GITHUB_PUSH, "X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=00");

        // when
        HttpResponse<String> metrics = get("/metrics");
        HttpResponse<String> health = get("/healthz");

        // then
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body()).contains(
                "gitops4j_reconcile_runs_total{application=\"shop\",outcome=\"applied\"} 1",
                "gitops4j_application_sync_status{application=\"shop\",status=\"synced\"} 1",
                "gitops4j_webhook_deliveries_total{provider=\"github\",result=\"unauthorized\"} 1");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
    }
}
