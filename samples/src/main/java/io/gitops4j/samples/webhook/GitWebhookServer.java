package io.gitops4j.samples.webhook;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gitops4j.loop.GitOpsController;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 that turns Git host push webhooks into
 * {@link GitOpsController#triggerSource} calls and serves metrics:
 *
 * <ul>
 *   <li>{@code POST /hook}: a GitHub delivery ({@code X-GitHub-Event: push}, signed in
 *       {@code X-Hub-Signature-256}) or a GitLab one ({@code X-Gitlab-Event: Push Hook} with
 *       {@code X-Gitlab-Token}). An unsigned or wrongly signed delivery is {@code 401} and triggers nothing; a
 *       push the {@link SourceRoutes} do not know, or another event, is {@code 204}; a known push triggers its
 *       sources and is {@code 202} with {@code {"triggered":<applications>}}; GitHub's {@code ping} is
 *       {@code 200}; a body that is not a push payload is {@code 400}, one over 5 MiB {@code 413}.</li>
 *   <li>{@code GET /metrics}: the Prometheus text of the registry given (with {@code GitOpsMetrics} bound to it,
 *       the {@code gitops4j_} metrics, and {@code gitops4j_webhook_deliveries_total{provider,result}}).</li>
 *   <li>{@code GET /healthz}: {@code 200 ok} while serving.</li>
 * </ul>
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * GitOpsMetrics metrics = GitOpsMetrics.bind(registry);
 * GitOpsController controller = GitOpsController.builder().listener(metrics.controllerListener())
 *         .reconcileListener(metrics.reconcileListener()).build();
 * controller.add(Application.builder().name("shop").source(source)...build());
 * GitWebhookServer server = GitWebhookServer.builder().controller(controller).registry(registry)
 *         .routes(SourceRoutes.builder().route("https://github.com/acme/shop", "main", source.fetchKey()).build())
 *         .githubSecret(System.getenv("GITHUB_WEBHOOK_SECRET")).port(8089).start();
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} stops the server (not the controller).
 */
public final class GitWebhookServer implements AutoCloseable {
    private static final int MAX_BODY = 5 * 1024 * 1024;
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ToIntFunction<String> trigger;
    private final SourceRoutes routes;
    private final WebhookAuth auth;
    private final PrometheusMeterRegistry registry;

    private GitWebhookServer(Builder b, HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.trigger = b.trigger;
        this.routes = b.routes;
        this.auth = new WebhookAuth(b.githubSecret, b.gitlabToken);
        this.registry = b.registry;
    }

    /**
     * Returns a builder; {@link Builder#controller} (or {@link Builder#trigger}) and {@link Builder#routes} are
     * required, and a GitHub secret or a GitLab token (or both).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the server's base URL.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void hook(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "application/json", "{\"error\":\"use POST\"}");
            return;
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            respond(exchange, 413, "application/json", "{\"error\":\"payload over 5 MiB\"}");
            return;
        }
        String github = exchange.getRequestHeaders().getFirst("X-GitHub-Event");
        String gitlab = exchange.getRequestHeaders().getFirst("X-Gitlab-Event");
        if (github != null) {
            github(exchange, github, body);
        } else if (gitlab != null) {
            gitlab(exchange, gitlab, body);
        } else {
            respond(exchange, 400, "application/json", "{\"error\":\"neither X-GitHub-Event nor X-Gitlab-Event\"}");
        }
    }

    private void github(HttpExchange exchange, String event, byte[] body) throws IOException {
        if (!auth.githubSigned(body, exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"))) {
            unauthorized(exchange, "github", "X-Hub-Signature-256 does not match the body");
        } else if ("ping".equals(event)) {
            delivered("github", "ping");
            respond(exchange, 200, "application/json", "{\"pong\":true}");
        } else if (!"push".equals(event)) {
            ignored(exchange, "github");
        } else {
            push(exchange, "github", () -> PushPayloads.github(body));
        }
    }

    private void gitlab(HttpExchange exchange, String event, byte[] body) throws IOException {
        if (!auth.gitlabTokenMatches(exchange.getRequestHeaders().getFirst("X-Gitlab-Token"))) {
            unauthorized(exchange, "gitlab", "X-Gitlab-Token does not match");
        } else if (!"Push Hook".equals(event)) {
            ignored(exchange, "gitlab");
        } else {
            push(exchange, "gitlab", () -> PushPayloads.gitlab(body));
        }
    }

    private void push(HttpExchange exchange, String provider, java.util.function.Supplier<PushEvent> parse)
            throws IOException {
        PushEvent push;
        try {
            push = parse.get();
        } catch (IllegalArgumentException e) {
            delivered(provider, "invalid");
            respond(exchange, 400, "application/json", "{\"error\":\"not a push payload\"}");
            return;
        }
        Set<String> keys = routes.fetchKeysFor(push);
        if (keys.isEmpty()) {
            ignored(exchange, provider);
            return;
        }
        int triggered = 0;
        try {
            for (String key : keys) {
                triggered += trigger.applyAsInt(key);
            }
        } catch (RuntimeException e) {
            delivered(provider, "failed");
            respond(exchange, 503, "application/json", "{\"error\":\"the controller cannot take triggers now\"}");
            return;
        }
        delivered(provider, "triggered");
        respond(exchange, 202, "application/json", "{\"triggered\":" + triggered + "}");
    }

    private void unauthorized(HttpExchange exchange, String provider, String why) throws IOException {
        delivered(provider, "unauthorized");
        respond(exchange, 401, "application/json", "{\"error\":\"" + why + "\"}");
    }

    private void ignored(HttpExchange exchange, String provider) throws IOException {
        delivered(provider, "ignored");
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private void delivered(String provider, String result) {
        if (registry != null) {
            Counter.builder("gitops4j.webhook.deliveries").description("Webhook deliveries by result")
                    .tag("provider", provider).tag("result", result).register(registry).increment();
        }
    }

    private void metrics(HttpExchange exchange) throws IOException {
        if (registry == null) {
            respond(exchange, 404, "text/plain", "no metrics registry configured\n");
            return;
        }
        respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
    }

    private void healthz(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "text/plain", "ok\n");
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private static void respond(HttpExchange exchange, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops serving, at once. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "GitWebhookServer{url=" + url() + ", " + auth + "}";
    }

    /** Configures a {@link GitWebhookServer}. Not thread-safe. */
    public static final class Builder {
        private ToIntFunction<String> trigger;
        private SourceRoutes routes;
        private String githubSecret;
        private String gitlabToken;
        private PrometheusMeterRegistry registry;
        private int port;

        private Builder() {
        }

        /**
         * Triggers this controller's applications by fetch key ({@link GitOpsController#triggerSource}).
         *
         * @param value the controller
         * @return this builder
         */
        public Builder controller(GitOpsController value) {
            requireNonNull(value, "controller is null");
            return trigger(value::triggerSource);
        }

        /**
         * Triggers through a function of a fetch key that returns how many applications it triggered, e.g. to
         * forward to several controllers.
         *
         * @param value the function; must be thread-safe
         * @return this builder
         */
        public Builder trigger(ToIntFunction<String> value) {
            this.trigger = requireNonNull(value, "trigger is null");
            return this;
        }

        /**
         * Sets which pushes trigger which fetch keys.
         *
         * @param value the routes
         * @return this builder
         */
        public Builder routes(SourceRoutes value) {
            this.routes = requireNonNull(value, "routes is null");
            return this;
        }

        /**
         * Accepts GitHub deliveries signed with this secret (the webhook's "Secret" setting).
         *
         * @param value a non-empty secret
         * @return this builder
         */
        public Builder githubSecret(String value) {
            this.githubSecret = nonEmpty(value, "githubSecret");
            return this;
        }

        /**
         * Accepts GitLab deliveries carrying this token (the webhook's "Secret token" setting).
         *
         * @param value a non-empty token
         * @return this builder
         */
        public Builder gitlabToken(String value) {
            this.gitlabToken = nonEmpty(value, "gitlabToken");
            return this;
        }

        /**
         * Serves this registry at {@code /metrics} and counts deliveries in it (default: no {@code /metrics}).
         *
         * @param value the registry
         * @return this builder
         */
        public Builder registry(PrometheusMeterRegistry value) {
            this.registry = requireNonNull(value, "registry is null");
            return this;
        }

        /**
         * Sets the port on 127.0.0.1 (default 0: a free one).
         *
         * @param value 0 to 65535
         * @return this builder
         */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @return the running server
         * @throws IllegalStateException when the trigger, the routes, or both a secret and a token are missing
         * @throws UncheckedIOException when the port cannot be bound
         */
        public GitWebhookServer start() {
            if (trigger == null || routes == null) {
                throw new IllegalStateException("set controller(...) and routes(...)");
            }
            if (githubSecret == null && gitlabToken == null) {
                throw new IllegalStateException("set githubSecret(...) or gitlabToken(...): unsigned webhooks are"
                        + " refused");
            }
            ExecutorService executor = Executors.newFixedThreadPool(2);
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
                GitWebhookServer server = new GitWebhookServer(this, http, executor);
                http.createContext("/hook", server::hook);
                http.createContext("/metrics", server::metrics);
                http.createContext("/healthz", server::healthz);
                http.setExecutor(executor);
                http.start();
                return server;
            } catch (IOException e) {
                executor.shutdownNow();
                throw new UncheckedIOException("cannot bind 127.0.0.1:" + port + "; choose another port", e);
            }
        }

        private static String nonEmpty(String value, String what) {
            requireNonNull(value, what + " is null");
            if (value.isEmpty()) {
                throw new IllegalArgumentException(what + " is empty");
            }
            return value;
        }
    }
}
