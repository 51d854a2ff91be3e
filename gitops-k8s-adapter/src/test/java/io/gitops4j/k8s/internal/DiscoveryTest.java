package io.gitops4j.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which discovery documents {@link Discovery} reads: only those of the groups a lookup asks about. */
class DiscoveryTest {
    private static final Map<String, String> DOCUMENTS = Map.of(
            "/api/v1", resources("v1", "configmaps", "ConfigMap"),
            "/apis", "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + group("apps") + ","
                    + group("batch") + "," + group("unavailable.example.com") + "]}",
            "/apis/apps/v1", resources("apps/v1", "deployments", "Deployment"),
            "/apis/batch/v1", resources("batch/v1", "jobs", "Job"));

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private KubernetesClient client;

    @BeforeEach
    void serveDiscovery() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort()).withRequestRetryBackoffLimit(0)
                .build();
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void readsOnlyTheDiscoveryOfTheGroupsLookedUpAndOnlyOnce() {
        // given
        Discovery discovery = new Discovery(client, Duration.ofSeconds(1), Clock.systemUTC());

        // when
        var configMap = discovery.find("", "ConfigMap");
        var deployment = discovery.find("apps", "Deployment");
        var again = discovery.find("apps", "Deployment");

        // then
        assertThat(configMap).hasValueSatisfying(type -> assertThat(type.plural()).isEqualTo("configmaps"));
        assertThat(deployment).hasValueSatisfying(type -> assertThat(type.plural()).isEqualTo("deployments"));
        assertThat(again).isEqualTo(deployment);
        assertThat(requested).containsExactly("/api/v1", "/apis", "/apis/apps/v1");
    }

    @Test
    void aKindMissingFromAKnownGroupRereadsThatGroupThenLooksForItsDefinition() {
        // given
        Discovery discovery = new Discovery(client, Duration.ofSeconds(1), Clock.systemUTC());
        discovery.find("apps", "Deployment");
        requested.clear();

        // when
        var gadget = discovery.find("apps", "Gadget");

        // then
        assertThat(gadget).isEmpty();
        assertThat(requested).startsWith("/apis", "/apis/apps/v1")
                .noneMatch(path -> path.startsWith("/apis/batch"));
    }

    @Test
    void forgettingOneGroupRereadsOnlyThatGroupAndTheGroupList() {
        // given
        Discovery discovery = new Discovery(client, Duration.ofSeconds(1), Clock.systemUTC());
        discovery.find("", "ConfigMap");
        discovery.find("apps", "Deployment");
        discovery.find("batch", "Job");
        requested.clear();

        // when
        discovery.invalidate("batch");
        discovery.find("", "ConfigMap");
        discovery.find("apps", "Deployment");
        var job = discovery.find("batch", "Job");

        // then
        assertThat(job).hasValueSatisfying(type -> assertThat(type.plural()).isEqualTo("jobs"));
        assertThat(requested).containsExactly("/apis", "/apis/batch/v1");
    }

    @Test
    void anUnavailableGroupIsAskedOnlyWhenOneOfItsKindsIsLookedUp() {
        // given
        Discovery discovery = new Discovery(client, Duration.ofSeconds(1), Clock.systemUTC());

        // when
        discovery.find("batch", "Job");
        var widget = discovery.find("unavailable.example.com", "Widget");

        // then
        assertThat(widget).isEmpty();
        assertThat(requested).containsSubsequence("/apis", "/apis/batch/v1", "/apis/unavailable.example.com/v1");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requested.add(path);
        String body = DOCUMENTS.get(path);
        byte[] bytes = (body != null ? body : "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"code\":503,\"message\":\"unavailable\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(body != null ? 200 : 503, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String group(String name) {
        String version = "{\"groupVersion\":\"" + name + "/v1\",\"version\":\"v1\"}";
        return "{\"name\":\"" + name + "\",\"versions\":[" + version + "],\"preferredVersion\":" + version + "}";
    }

    private static String resources(String groupVersion, String plural, String kind) {
        return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"" + groupVersion
                + "\",\"resources\":[{\"name\":\"" + plural + "\",\"kind\":\"" + kind + "\",\"namespaced\":true,"
                + "\"verbs\":[\"get\"]}]}";
    }
}
