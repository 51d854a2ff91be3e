package io.gitops4j.testkit.k8s.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request and its response on a connection of {@link ApiHttpServer}, with the framing rules of the JDK's HTTP
 * server: {@code sendResponseHeaders(code, n)} sends a body of {@code n} bytes, a chunked body for 0, none for -1; a
 * chunked response's head goes out at once (a watch's client waits for it), a sized one with its body. Not
 * thread-safe: the connection's thread serves it.
 */
final class ApiExchange extends HttpExchange {

    private final String method;
    private final URI uri;
    private final String protocol;
    private final Headers requestHeaders;
    private final Headers responseHeaders = new Headers();
    private final InputStream requestBody;
    private final OutputStream connection;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final HttpDates dates;
    private final Map<String, Object> attributes = new HashMap<>();
    private OutputStream responseBody;
    private int responseCode = -1;
    private boolean closeConnection;

    ApiExchange(String method, URI uri, String protocol, Headers requestHeaders, InputStream requestBody,
            OutputStream connection, InetSocketAddress local, InetSocketAddress remote, HttpDates dates) {
        this.method = method;
        this.uri = uri;
        this.protocol = protocol;
        this.requestHeaders = requestHeaders;
        this.requestBody = requestBody;
        this.connection = connection;
        this.local = local;
        this.remote = remote;
        this.dates = dates;
        String asked = requestHeaders.getFirst("Connection");
        boolean http10 = protocol.equals("HTTP/1.0");
        this.closeConnection = asked != null ? asked.toLowerCase(Locale.ROOT).contains("close")
                || http10 && !asked.toLowerCase(Locale.ROOT).contains("keep-alive") : http10;
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    /** Not kept: this server has one handler and no contexts. */
    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("the embedded API server has no HTTP contexts");
    }

    @Override
    public void close() {
        try {
            requestBody.close();
            if (responseBody == null) {
                closeConnection = true;
            } else {
                responseBody.close();
            }
        } catch (IOException e) {
            closeConnection = true;
        }
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        if (responseBody == null) {
            throw new IllegalStateException("sendResponseHeaders has not been called");
        }
        return responseBody;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (responseBody != null) {
            throw new IOException("headers already sent");
        }
        responseCode = code;
        boolean noBody = code >= 100 && code < 200 || code == 204 || code == 304;
        boolean head = method.equals("HEAD");
        boolean chunked = length == 0 && !noBody && !head;
        if (chunked) {
            responseHeaders.set("Transfer-encoding", "chunked");
        } else if (!noBody && !head) {
            responseHeaders.set("Content-length", Long.toString(Math.max(length, 0)));
        }
        String connectionHeader = responseHeaders.getFirst("Connection");
        if (connectionHeader != null && connectionHeader.equalsIgnoreCase("close")) {
            closeConnection = true;
        }
        StringBuilder headers = new StringBuilder(256).append("HTTP/1.1 ").append(code).append(' ')
                .append(HttpDates.reason(code)).append("\r\nDate: ").append(dates.now()).append("\r\n");
        responseHeaders.forEach((name, values) -> values.forEach(value ->
                headers.append(name).append(": ").append(value).append("\r\n")));
        headers.append("\r\n");
        connection.write(headers.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (chunked) {
            connection.flush();
            responseBody = new HttpBodies.ChunkedOut(connection);
        } else {
            responseBody = new HttpBodies.FixedOut(connection, noBody || head ? 0 : Math.max(length, 0));
        }
    }

    /** Whether the connection must close after this exchange (asked by either side, or the exchange broke off). */
    boolean closesConnection() {
        return closeConnection;
    }

    /** Marks the connection for closing, when the handler failed part-way. */
    void breakOff() {
        closeConnection = true;
    }

    /** Whether the response head was sent. */
    boolean responded() {
        return responseBody != null;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    /** Not supported: the handler reads and writes the exchange's own streams. */
    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("the embedded API server does not replace exchange streams");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}
