package io.gitops4j.samples.embed;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gitops4j.loop.Application;
import io.gitops4j.loop.ApplicationStatus;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.GitOpsController;
import io.gitops4j.samples.demo.DemoManifests;
import io.gitops4j.samples.folder.FolderTarget;
import io.gitops4j.source.DirectorySource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Java service that embeds the continuous controller: a {@link GitOpsController} reconciles one application on
 * an interval, and a tiny JDK {@link HttpServer} on 127.0.0.1 exposes {@code POST /hook} (what a Git host's push
 * webhook calls: it triggers a run now, answering {@code 202}) and {@code GET /status} (the application's status
 * as JSON). Thread-safe; {@link #close()} stops the server, then the controller.
 *
 * <pre>
 * java -cp samples/target/gitops4j.jar io.gitops4j.samples.embed.WebhookServiceExample
 * curl -X POST http://127.0.0.1:8088/hook
 * </pre>
 */
public final class WebhookServiceExample implements AutoCloseable {
    private final GitOpsController controller;
    private final String application;
    private final HttpServer server;
    private final ExecutorService executor;

    private WebhookServiceExample(GitOpsController controller, String application, HttpServer server,
            ExecutorService executor) {
        this.controller = controller;
        this.application = application;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the controller with one application and the HTTP server.
     *
     * @param application the application to keep in sync
     * @param port the port on 127.0.0.1, 0 for a free one
     * @param listener receives the controller's events (must be fast and must not throw)
     * @return the running service
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static WebhookServiceExample start(Application application, int port, ControllerListener listener) {
        requireNonNull(application, "application is null");
        GitOpsController controller = GitOpsController.builder().listener(listener).build();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            WebhookServiceExample service = new WebhookServiceExample(controller, application.name(), server,
                    executor);
            server.createContext("/hook", service::hook);
            server.createContext("/status", service::status);
            server.setExecutor(executor);
            server.start();
            controller.add(application);
            return service;
        } catch (IOException e) {
            controller.close();
            executor.shutdownNow();
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port + "; choose another port", e);
        }
    }

    /**
     * Returns the service's base URL.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Returns the controller, to add applications or read history.
     *
     * @return the controller
     */
    public GitOpsController controller() {
        return controller;
    }

    private void hook(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"use POST\"}");
            return;
        }
        exchange.getRequestBody().readAllBytes();
        controller.trigger(application);
        respond(exchange, 202, "{\"triggered\":\"" + application + "\"}");
    }

    private void status(HttpExchange exchange) throws IOException {
        ApplicationStatus status = controller.status(application);
        ObjectNode json = new ObjectMapper().createObjectNode().put("application", application)
                .put("sync", status.syncState().name()).put("health", status.health().name())
                .put("running", status.running());
        status.lastAppliedRevision().ifPresent(revision -> json.put("revision", revision.id()));
        status.lastError().ifPresent(error -> json.put("error", error));
        respond(exchange, 200, json.toString());
    }

    private static void respond(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        controller.close();
    }

    /**
     * Runs the service on port 8088 (or {@code args[0]}) over the demo app in a temporary folder, applied to a
     * {@link FolderTarget}, every 5 minutes and on {@code POST /hook}, until Ctrl-C.
     *
     * @param args optional: the port
     * @throws IOException when a temporary folder cannot be created
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path manifests = DemoManifests.writeTo("v1", Files.createTempDirectory("gitops4j-manifests-"));
        Path live = Files.createTempDirectory("gitops4j-folder-target-");
        Application app = Application.builder().name("webhook-example").source(DirectorySource.of(manifests))
                .target(new FolderTarget(live)).interval(Duration.ofMinutes(5)).build();
        ControllerListener printer = new ControllerListener() {
            @Override
            public void runFinished(String application, io.gitops4j.loop.HistoryEntry entry) {
                System.out.println(entry.reason() + " run: " + entry.outcome() + ", applied " + entry.applied()
                        + ", deleted " + entry.deleted());
            }
        };
        CountDownLatch stopped = new CountDownLatch(1);
        try (WebhookServiceExample service = start(app, args.length > 0 ? Integer.parseInt(args[0]) : 8088, printer)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.println("Manifests: " + manifests + " (edit them, then trigger)");
            System.out.println("Target:    " + live);
            System.out.println("Trigger:   curl -X POST " + service.url() + "/hook");
            System.out.println("Status:    curl " + service.url() + "/status");
            stopped.await();
        }
    }
}
