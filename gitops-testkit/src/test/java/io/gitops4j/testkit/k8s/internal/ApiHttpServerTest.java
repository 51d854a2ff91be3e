package io.gitops4j.testkit.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded API's HTTP/1.1 server, spoken to over a raw socket: framing, keep-alive, bodies, closing. */
class ApiHttpServerTest {

    private ExecutorService threads;
    private ApiHttpServer server;

    /* Echoes the method, path and body; "/stream" answers chunked in two flushes, "/empty" with no body. */
    private static void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = exchange.getRequestURI().getPath().equals("/ignore") ? new byte[0] : in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        if (path.equals("/stream")) {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("one".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                out.write("two".getBytes(StandardCharsets.US_ASCII));
            }
        } else if (path.equals("/empty") || exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
        } else {
            byte[] text = (exchange.getRequestMethod() + " " + path + " "
                    + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        }
        exchange.close();
    }

    @BeforeEach
    void start() throws IOException {
        threads = Executors.newCachedThreadPool();
        server = ApiHttpServer.start(0, ApiHttpServerTest::handle, threads, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
        threads.shutdownNow();
    }

    /** Sends raw requests on one connection, closes its sending side, and returns everything the server sent. */
    private String exchange(String requests) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            return received.toString(StandardCharsets.US_ASCII).replaceAll("Date: [^\r]*\r\n", "");
        }
    }

    @Test
    void servesRequestsOneAfterAnotherOnAKeptAliveConnection() throws IOException {
        String received = exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n");

        assertThat(received).isEqualTo(
                "HTTP/1.1 200 OK\r\nContent-type: text/plain\r\nContent-length: 7\r\n\r\nGET /a "
                + "HTTP/1.1 200 OK\r\nContent-type: text/plain\r\nContent-length: 13\r\n\r\nPOST /b hello"
                + "HTTP/1.1 200 OK\r\nContent-type: text/plain\r\nContent-length: 13\r\n\r\nPOST /c abcde");
    }

    @Test
    void skipsABodyTheHandlerLeftUnreadBeforeTheNextRequest() throws IOException {
        String received = exchange("POST /ignore HTTP/1.1\r\nContent-Length: 4\r\n\r\nskip"
                + "POST /ignore HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nskip\r\n0\r\n\r\n"
                + "GET /after HTTP/1.1\r\n\r\n");

        assertThat(received).endsWith("Content-length: 11\r\n\r\nGET /after ");
        assertThat(received.split("HTTP/1.1 200 OK", -1)).hasSize(4);
    }

    @Test
    void framesChunkedEmptyAndHeadResponsesAsTheJdkServerDoes() throws IOException {
        String received = exchange("GET /stream HTTP/1.1\r\n\r\nGET /empty HTTP/1.1\r\n\r\nHEAD /x HTTP/1.1\r\n\r\n");

        assertThat(received).isEqualTo(
                "HTTP/1.1 200 OK\r\nTransfer-encoding: chunked\r\nContent-type: text/plain\r\n\r\n"
                + "3\r\none\r\n3\r\ntwo\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-type: text/plain\r\nContent-length: 0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-type: text/plain\r\n\r\n");
    }

    @Test
    void answersExpectContinueAndClosesWhenAsked() throws IOException {
        String received = exchange("PUT /p HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\nok" + "GET /never HTTP/1.1\r\n\r\n");

        assertThat(received).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-type: text/plain\r\nContent-length: 9\r\n\r\nPUT /p ok");
    }

    @Test
    void closesAMalformedRequestWithBadRequest() throws IOException {
        String received = exchange("NONSENSE\r\n\r\n");

        assertThat(received).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close");
    }
}
