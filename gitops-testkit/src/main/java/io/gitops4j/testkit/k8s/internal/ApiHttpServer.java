package io.gitops4j.testkit.k8s.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded API's HTTP/1.1 server on 127.0.0.1: one thread per connection reads requests in turn (keep-alive,
 * {@code Content-Length} or chunked bodies, {@code Expect: 100-continue}) and hands each to the handler as an
 * {@link com.sun.net.httpserver.HttpExchange}, answering with the JDK HTTP server's framing. Compared with the JDK
 * server it has no selector thread handing each request to a pool thread and back, formats the {@code Date} header
 * once a second, and sends a small response's head and body in one write; {@code TCP_NODELAY} is on, as on a real
 * API server.
 *
 * <p>Thread-safe. {@link #close()} closes the listening socket and every connection.
 */
public final class ApiHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpServer.class);
    private static final int HEAD_LINE_LIMIT = 64 * 1024;
    private static final int HEADER_LIMIT = 200;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final HttpHandler handler;
    private final ExecutorService threads;
    private final HttpDates dates;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ApiHttpServer(ServerSocket listener, HttpHandler handler, ExecutorService threads, Clock clock) {
        this.listener = listener;
        this.handler = handler;
        this.threads = threads;
        this.dates = new HttpDates(clock);
    }

    /**
     * Binds 127.0.0.1 and starts accepting.
     *
     * @param port the port, 0 for a free one
     * @param threads runs the accepting loop and one task per connection; it must not bound its threads
     * @param clock the clock of the {@code Date} header
     * @throws IOException when the port cannot be bound
     */
    public static ApiHttpServer start(int port, HttpHandler handler, ExecutorService threads, Clock clock)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ApiHttpServer server = new ApiHttpServer(listener, handler, threads, clock);
        threads.execute(server::accept);
        return server;
    }

    /** The bound port. */
    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("embedded API server on port {} stopped accepting connections", port(), e);
                }
                return;
            }
            connections.add(socket);
            if (closed) {
                closeQuietly(socket);
                return;
            }
            threads.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
            InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
            while (!closed) {
                ApiExchange exchange = next(in, out, local, remote);
                if (exchange == null || !handle(exchange)) {
                    return;
                }
            }
        } catch (SocketException e) {
            LOG.trace("connection closed", e);
        } catch (IOException e) {
            LOG.debug("connection to the embedded API server failed", e);
        } finally {
            connections.remove(socket);
        }
    }

    /* Serves one exchange; whether the connection stays open for the next. */
    private boolean handle(ApiExchange exchange) throws IOException {
        try {
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} {} broke off", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            exchange.breakOff();
        }
        if (!exchange.responded()) {
            return false;
        }
        exchange.close();
        return !exchange.closesConnection();
    }

    /* Reads the next request head; null at a clean end of the connection. */
    private ApiExchange next(InputStream in, OutputStream out, InetSocketAddress local, InetSocketAddress remote)
            throws IOException {
        String requestLine = HttpBodies.readLine(in, HEAD_LINE_LIMIT);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = HttpBodies.readLine(in, HEAD_LINE_LIMIT);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            reject(out, 400, "malformed request line");
            return null;
        }
        Headers headers = new Headers();
        for (int count = 0;; count++) {
            String line = HttpBodies.readLine(in, HEAD_LINE_LIMIT);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || count >= HEADER_LIMIT) {
                reject(out, 400, "malformed request header");
                return null;
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        URI uri;
        try {
            uri = new URI(parts[1]);
        } catch (URISyntaxException e) {
            reject(out, 400, "malformed request target");
            return null;
        }
        String expect = headers.getFirst("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            out.write(CONTINUE);
            out.flush();
        }
        return new ApiExchange(parts[0], uri, parts[2], headers, body(in, headers), out, local, remote, dates);
    }

    private static InputStream body(InputStream in, Headers headers) throws IOException {
        String encoding = headers.getFirst("Transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new HttpBodies.ChunkedIn(in);
        }
        String length = headers.getFirst("Content-length");
        try {
            return new HttpBodies.FixedIn(in, length == null ? 0 : Long.parseLong(length.trim()));
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length \"" + length + "\"", e);
        }
    }

    private static void reject(OutputStream out, int code, String why) throws IOException {
        byte[] body = why.getBytes(StandardCharsets.US_ASCII);
        out.write(("HTTP/1.1 " + code + " " + HttpDates.reason(code) + "\r\nContent-type: text/plain\r\n"
                + "Content-length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Stops accepting and closes every connection; idempotent. The caller shuts its executor down. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        connections.forEach(ApiHttpServer::closeQuietly);
        connections.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.trace("close failed", e);
        }
    }
}
