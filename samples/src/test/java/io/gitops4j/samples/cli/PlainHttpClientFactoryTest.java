package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Clients of a plain http:// API server work without a TLS context, and say so if sent to an https:// address. */
class PlainHttpClientFactoryTest {
    @Test
    void aClientOfAPlainHttpServerReadsAndWritesAsUsual() {
        // given
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start();
                KubernetesClient client = client(api)) {
            // when
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("plain").endMetadata()
                    .build()).create();

            // then
            assertThat(client.namespaces().withName("plain").get()).isNotNull();
        }
    }

    @Test
    void anHttpsAddressFailsNamingThePlainServerInsteadOfSpeakingTls() throws Exception {
        // given
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start();
                KubernetesClient client = client(api);
                ServerSocket tlsPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HttpClient http = client.getHttpClient();
            HttpRequest request = http.newHttpRequestBuilder()
                    .uri("https://127.0.0.1:" + tlsPort.getLocalPort() + "/api").build();

            // when / then
            assertThatThrownBy(() -> http.sendAsync(request, String.class).get(30, TimeUnit.SECONDS))
                    .hasStackTraceContaining("built for the plain http:// server " + api.url())
                    .hasStackTraceContaining("cannot open a TLS connection");
        }
    }

    @Test
    void onlyAPlainHttpServerGetsSuchAFactory() {
        assertThat(PlainHttpClientFactory.plainHttp("http://127.0.0.1:8080")).isTrue();
        assertThat(PlainHttpClientFactory.plainHttp("HTTP://api.local")).isTrue();
        assertThat(PlainHttpClientFactory.plainHttp("https://127.0.0.1:6443")).isFalse();
        assertThat(PlainHttpClientFactory.plainHttp(null)).isFalse();
        assertThatThrownBy(() -> new PlainHttpClientFactory("https://127.0.0.1:6443"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://127.0.0.1:6443");
    }

    private static KubernetesClient client(EmbeddedKubernetesApi api) {
        Config config = Config.fromKubeconfig(api.kubeconfig());
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config)
                .withHttpClientFactory(new PlainHttpClientFactory(config.getMasterUrl())).build();
    }
}
