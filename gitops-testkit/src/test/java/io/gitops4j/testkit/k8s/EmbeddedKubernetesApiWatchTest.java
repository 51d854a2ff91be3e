package io.gitops4j.testkit.k8s;

import static io.gitops4j.testkit.k8s.Manifests.CONFIGMAPS;
import static io.gitops4j.testkit.k8s.Manifests.DEPLOYMENTS;
import static io.gitops4j.testkit.k8s.Manifests.configMap;
import static io.gitops4j.testkit.k8s.Manifests.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Watch behaviour ({@code ?watch=true}): event types, resourceVersion replay, selectors, timeouts. */
class EmbeddedKubernetesApiWatchTest {

    private EmbeddedKubernetesApi api;
    private KubeHttp http;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<CompletableFuture<?>> streams = new ArrayList<>();

    @RegisterExtension
    final EmbeddedKubernetesApiExtension k8s = new EmbeddedKubernetesApiExtension();

    @BeforeEach
    void connect() {
        api = k8s.api();
        http = new KubeHttp(api.url());
    }

    @AfterEach
    void stop() {
        streams.forEach(s -> s.cancel(true));
    }

    /** Opens a watch and returns its events ("TYPE name") as they arrive. */
    private BlockingQueue<String> watch(String pathAndQuery) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(api.url().resolve(pathAndQuery)).GET().build();
        streams.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> events.add(describe(line)));
            }
            events.add("END");
        }));
        return events;
    }

    private static String describe(String line) {
        try {
            JsonNode event = KubeHttp.JSON.readTree(line);
            return event.path("type").asText() + " " + event.path("object").path("metadata").path("name").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> take(BlockingQueue<String> events, int count) throws InterruptedException {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                break;
            }
            taken.add(event);
        }
        return taken;
    }

    private String currentResourceVersion() {
        return http.get(CONFIGMAPS).body().path("metadata").path("resourceVersion").asText();
    }

    @Test
    void watchSeesAddedModifiedDeleted() throws InterruptedException {
        BlockingQueue<String> events = watch(CONFIGMAPS + "?watch=true&resourceVersion=" + currentResourceVersion());

        http.post(CONFIGMAPS, configMap("w", "", ""));
        http.patch(CONFIGMAPS + "/w", "application/merge-patch+json", "{\"data\":{\"a\":\"b\"}}");
        http.delete(CONFIGMAPS + "/w");

        assertThat(take(events, 3)).containsExactly("ADDED w", "MODIFIED w", "DELETED w");
    }

    @Test
    void watchWithoutResourceVersionStartsWithTheExistingObjects() throws InterruptedException {
        http.post(CONFIGMAPS, configMap("existing", "", ""));

        BlockingQueue<String> events = watch(CONFIGMAPS + "?watch=true");
        http.post(CONFIGMAPS, configMap("later", "", ""));

        assertThat(take(events, 2)).containsExactly("ADDED existing", "ADDED later");
    }

    @Test
    void watchFromAResourceVersionReplaysLaterChanges() throws InterruptedException {
        String from = currentResourceVersion();
        http.post(CONFIGMAPS, configMap("a", "", ""));
        http.post(CONFIGMAPS, configMap("b", "", ""));

        BlockingQueue<String> events = watch(CONFIGMAPS + "?watch=true&resourceVersion=" + from);

        assertThat(take(events, 2)).containsExactly("ADDED a", "ADDED b");
    }

    @Test
    void watchWithALabelSelectorSeesObjectsEnterAndLeave() throws InterruptedException {
        http.post(CONFIGMAPS, configMap("c", "", ""));
        BlockingQueue<String> events = watch(CONFIGMAPS + "?watch=true&labelSelector=x%3D1&resourceVersion="
                + currentResourceVersion());

        http.patch(CONFIGMAPS + "/c", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"x\":\"1\"}}}");
        http.patch(CONFIGMAPS + "/c", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"x\":\"2\"}}}");

        assertThat(take(events, 2)).containsExactly("ADDED c", "DELETED c");
    }

    @Test
    void watchWithTimeoutSecondsEnds() throws InterruptedException {
        BlockingQueue<String> events = watch(CONFIGMAPS + "?watch=true&timeoutSeconds=1&resourceVersion="
                + currentResourceVersion());

        assertThat(take(events, 1)).containsExactly("END");
    }

    @Test
    void watchFromAVersionOlderThanHistoryReportsExpired() throws InterruptedException {
        BlockingQueue<String> events = watch(CONFIGMAPS + "?watch=true&resourceVersion=-5");

        assertThat(take(events, 1)).singleElement().asString().startsWith("ERROR");
    }

    @Test
    void aWatchAskingForBookmarksGetsOneBeforeItEnds() throws InterruptedException {
        BlockingQueue<String> events = watch(CONFIGMAPS + "?watch=true&allowWatchBookmarks=true&timeoutSeconds=1"
                + "&resourceVersion=" + currentResourceVersion());

        assertThat(take(events, 2)).containsExactly("BOOKMARK ", "END");
    }

    @Test
    void aWatchFromBeforeACompactionIsGone() throws InterruptedException {
        String from = currentResourceVersion();
        http.post(CONFIGMAPS, configMap("compacted", "", ""));
        api.compactHistory();

        BlockingQueue<String> events = watch(CONFIGMAPS + "?watch=true&resourceVersion=" + from);
        BlockingQueue<String> current = watch(CONFIGMAPS + "?watch=true&timeoutSeconds=1&resourceVersion="
                + currentResourceVersion());

        assertThat(take(events, 2)).containsExactly("ERROR ", "END");
        assertThat(take(current, 1)).containsExactly("END");
    }

    @Test
    void endWatchesEndsEveryOpenWatch() throws InterruptedException {
        BlockingQueue<String> events = watch(CONFIGMAPS + "?watch=true&resourceVersion=" + currentResourceVersion());
        http.post(CONFIGMAPS, configMap("before-end", "", ""));
        assertThat(take(events, 1)).containsExactly("ADDED before-end");

        api.endWatches();

        assertThat(take(events, 1)).containsExactly("END");
    }

    @Test
    void setStatusFiresModifiedWithoutChangingGeneration() throws InterruptedException {
        JsonNode created = http.post(DEPLOYMENTS, deployment("web", 1, "x")).body();
        BlockingQueue<String> events = watch(DEPLOYMENTS + "?watch=true&resourceVersion="
                + created.path("metadata").path("resourceVersion").asText());

        JsonNode updated = api.setStatus("apps/v1", "Deployment", "default", "web",
                KubeHttp.JSON.createObjectNode().put("availableReplicas", 1));

        assertThat(take(events, 1)).containsExactly("MODIFIED web");
        assertThat(updated.path("metadata").path("generation").asLong()).isEqualTo(1);
        assertThat(Long.parseLong(updated.path("metadata").path("resourceVersion").asText()))
                .isGreaterThan(Long.parseLong(created.path("metadata").path("resourceVersion").asText()));
        assertThat(updated.path("metadata").path("managedFields").toString()).contains("\"subresource\":\"status\"");
    }
}
