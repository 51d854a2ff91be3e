package io.gitops4j.k8s;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An "API server" on 127.0.0.1 that answers {@code 503 Service Unavailable} to every request, counting them: an
 * API server behind a load balancer whose backends are all down.
 */
final class FailingApiServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private FailingApiServer(HttpServer server) {
        this.server = server;
    }

    /** Starts answering 503 on an ephemeral loopback port. */
    static FailingApiServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        FailingApiServer failing = new FailingApiServer(http);
        http.createContext("/", exchange -> {
            failing.requests.incrementAndGet();
            byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"no backend\","
                    + "\"reason\":\"ServiceUnavailable\",\"code\":503}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        return failing;
    }

    /** Returns the server's URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Returns how many requests were answered so far. */
    int requests() {
        return requests.get();
    }

    /** Writes a kubeconfig for this server (plain HTTP, no credentials, namespace {@code default}) into a folder. */
    Path kubeconfigIn(Path folder) {
        return Kubeconfigs.write(folder.resolve("failing-kubeconfig"), url());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
