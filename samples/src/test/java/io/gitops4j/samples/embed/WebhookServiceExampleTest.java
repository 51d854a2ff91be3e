package io.gitops4j.samples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.loop.Application;
import io.gitops4j.loop.ControllerListener;
import io.gitops4j.loop.HistoryEntry;
import io.gitops4j.loop.RunReason;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.samples.demo.DemoManifests;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.model.ResourceKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookServiceExampleTest {

    @Test
    void postToHookReconcilesNowAndStatusReportsIt(@TempDir Path temp) throws Exception {
        // given: a service whose interval is far away, after its first run
        Path manifests = DemoManifests.writeTo("v1", temp);
        InMemoryTarget target = InMemoryTarget.create();
        BlockingQueue<HistoryEntry> runs = new LinkedBlockingQueue<>();
        Application app = Application.builder().name("shop").source(DirectorySource.of(manifests)).target(target)
                .interval(Duration.ofHours(1)).build();
        HttpClient http = HttpClient.newHttpClient();
        try (WebhookServiceExample service = WebhookServiceExample.start(app, 0, new ControllerListener() {
            @Override
            public void runFinished(String application, HistoryEntry entry) {
                runs.add(entry);
            }
        })) {
            HistoryEntry first = runs.poll(30, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.outcome()).isEqualTo(Outcome.APPLIED);
            Files.delete(manifests.resolve("40-service.yaml"));

            // when
            HttpResponse<String> hook = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/hook"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HistoryEntry triggered = runs.poll(30, TimeUnit.SECONDS);
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/status"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(hook.statusCode()).isEqualTo(202);
            assertThat(triggered).isNotNull();
            assertThat(triggered.reason()).isEqualTo(RunReason.TRIGGER);
            assertThat(triggered.deleted()).isEqualTo(1);
            assertThat(target.contents()).doesNotContainKey(ResourceKey.parse("Service/demo-shop/shop"));
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"application\":\"shop\"", "\"revision\":");
        }
    }

    @Test
    void hookRejectsGet(@TempDir Path temp) throws Exception {
        // given
        Application app = Application.builder().name("shop").source(DirectorySource.of(temp))
                .target(InMemoryTarget.create()).interval(Duration.ofHours(1)).build();
        try (WebhookServiceExample service = WebhookServiceExample.start(app, 0, ControllerListener.NOOP)) {
            // when
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(service.url() + "/hook")).GET().build(), HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(response.statusCode()).isEqualTo(405);
        }
    }
}
