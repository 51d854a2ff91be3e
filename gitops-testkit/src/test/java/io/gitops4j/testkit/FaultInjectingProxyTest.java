package io.gitops4j.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gitops4j.testkit.FaultInjectingProxy.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectingProxyTest {
    private static final String BODY = "x".repeat(10_000);

    private HttpServer upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = LoopbackHttpServer.create(0, 0);
        upstream.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            byte[] bytes = (BODY + new String(request, UTF_8)).getBytes(UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void withoutFaultsEveryRequestAndItsBodyReachTheUpstream() throws Exception {
        try (FaultInjectingProxy proxy = proxy().build().start()) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(proxy.url().resolve("/a"))
                        .POST(HttpRequest.BodyPublishers.ofString("-" + i)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(BODY + "-" + i);
                assertThat(response.headers().firstValue("connection")).as("one request per connection")
                        .hasValue("close");
            }
            assertThat(proxy.requests()).isEqualTo(3);
        }
    }

    @Test
    void aTooManyRequestsFaultCarriesRetryAfterAndAKubernetesStatus() throws Exception {
        try (FaultInjectingProxy proxy = proxy().probability(Fault.TOO_MANY_REQUESTS_429, 1)
                .retryAfter(Duration.ofSeconds(3)).build().start()) {
            HttpResponse<String> response = get(proxy);

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(response.body()).contains("\"kind\":\"Status\"", "\"code\":429");
            assertThat(proxy.injected(Fault.TOO_MANY_REQUESTS_429)).isEqualTo(1);
        }
    }

    @Test
    void serverErrorsAnswerWithTheirCode() throws Exception {
        try (FaultInjectingProxy failing = proxy().probability(Fault.ERROR_500, 1).build().start();
                FaultInjectingProxy unavailable = proxy().probability(Fault.UNAVAILABLE_503, 1).build().start()) {
            assertThat(get(failing).statusCode()).isEqualTo(500);
            assertThat(get(unavailable).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aResetOrAStallEndsTheRequestWithoutAnAnswer() {
        try (FaultInjectingProxy reset = proxy().probability(Fault.RESET, 1).build().start();
                FaultInjectingProxy stall = proxy().probability(Fault.STALL, 1).stall(Duration.ofMillis(100)).build()
                        .start()) {
            assertThatThrownBy(() -> get(reset)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> get(stall)).isInstanceOf(IOException.class);
            assertThat(stall.injected(Fault.STALL)).as("the client may retry an idempotent GET once").isPositive();
        }
    }

    @Test
    void aCutResponseEndsShortUntilFaultsAreSwitchedOff() throws Exception {
        try (FaultInjectingProxy proxy = proxy().cutResponsesAfter(100).build().start()) {
            assertThatThrownBy(() -> get(proxy)).isInstanceOf(IOException.class);
            assertThat(proxy.cutResponses()).isEqualTo(1);

            proxy.faultsOff();

            assertThat(get(proxy).body()).isEqualTo(BODY);
        }
    }

    @Test
    void probabilitiesOverOneAreRefused() {
        assertThatThrownBy(() -> proxy().probability(Fault.RESET, 0.6).probability(Fault.STALL, 0.6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over 1");
    }

    private FaultInjectingProxy.Builder proxy() {
        return FaultInjectingProxy.builder(URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()))
                .seed(1);
    }

    private HttpResponse<String> get(FaultInjectingProxy proxy) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(proxy.url().resolve("/x")).timeout(Duration.ofSeconds(5)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
