package io.gitops4j.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Creates the JDK HTTP servers the testkit's fixtures listen with, on 127.0.0.1, with Nagle's algorithm off.
 *
 * <p>The JDK server writes a response's headers and body separately and leaves Nagle's algorithm on unless the
 * system property {@code sun.net.httpserver.nodelay} is {@code true} when its first server is made; together with
 * the client's delayed acknowledgements that holds every small response back about 40 ms. Real servers (the
 * Kubernetes API server, Git hosting) answer without that delay, so this sets the property, unless the JVM was
 * started with it set either way, before creating a server. Stateless.
 */
public final class LoopbackHttpServer {
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private LoopbackHttpServer() {
    }

    /**
     * Creates an unstarted server bound to 127.0.0.1.
     *
     * @param port the port, 0 for a free one
     * @param backlog the accept backlog, 0 for the system default
     * @return the server
     * @throws IOException when the port cannot be bound
     */
    public static HttpServer create(int port, int backlog) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }
}
