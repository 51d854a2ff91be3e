package io.gitops4j.testkit.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gitops4j.testkit.LoopbackHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Serves one repository read-only over Git's smart HTTP protocol (stateless RPC, protocol v0) with the JDK's
 * {@link HttpServer} driving JGit's {@link UploadPack}: {@code GET <name>/info/refs?service=git-upload-pack}
 * answers the ref advertisement and {@code POST <name>/git-upload-pack} the pack. With a user name and password
 * every request needs matching basic credentials, otherwise it gets {@code 401}.
 */
final class SmartHttpGitServer implements GitServer {
    private static final String SERVICE = "git-upload-pack";

    private final Repository repository;
    private final String name;
    private final String expectedAuthorization;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger advertisements = new AtomicInteger();

    SmartHttpGitServer(Repository repository, String name, String user, String password) throws IOException {
        this.repository = repository;
        this.name = name;
        this.expectedAuthorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = LoopbackHttpServer.create(0, 0);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "git-http-fixture");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/" + name + "/", this::handle);
        server.start();
    }

    @Override
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    @Override
    public int fetchCount() {
        return advertisements.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.endsWith("/info/refs")
                    && (SERVICE).equals(queryParameter(exchange.getRequestURI(), "service"))) {
                advertise(exchange);
            } else if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/" + SERVICE)) {
                uploadPack(exchange);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void advertise(HttpExchange exchange) throws IOException {
        advertisements.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "application/x-" + SERVICE + "-advertisement");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody(); UploadPack pack = new UploadPack(repository)) {
            PacketLineOut out = new PacketLineOut(body);
            out.writeString("# service=" + SERVICE + "\n");
            out.end();
            pack.setBiDirectionalPipe(false);
            pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(out));
        }
    }

    private void uploadPack(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-" + SERVICE + "-result");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        try (InputStream request = in; OutputStream body = exchange.getResponseBody();
                UploadPack pack = new UploadPack(repository)) {
            pack.setBiDirectionalPipe(false);
            pack.upload(request, body, null);
        }
    }

    private static String queryParameter(URI uri, String parameter) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(parameter)) {
                return pair.substring(equals + 1);
            }
        }
        return null;
    }
}
