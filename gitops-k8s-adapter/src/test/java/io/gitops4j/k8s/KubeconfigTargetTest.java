package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.TargetException;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Building a target from a kubeconfig file: context selection, default namespace, timeouts, read errors. */
class KubeconfigTargetTest {
    @TempDir
    Path dir;

    @Test
    void connectsThroughAKubeconfigAndUsesItsNamespace() {
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start()) {
            Path kubeconfig = api.writeKubeconfig(dir.resolve("config"));

            try (KubernetesTarget target = KubernetesTarget.builder().kubeconfig(kubeconfig)
                    .context("gitops4j-embedded").build()) {
                ResourceKey key = target.apply(Manifests.resource("""
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: via-kubeconfig
                        data:
                          a: b
                        """), ApplyOptions.DEFAULT).key();

                assertThat(target.defaultNamespace()).isEqualTo("default");
                assertThat(key).isEqualTo(ResourceKey.of("", "ConfigMap", "default", "via-kubeconfig"));
                assertThat(target.observe(List.of(key)).contains(key)).isTrue();
            }
        }
    }

    @Test
    void anUnreadableKubeconfigIsATargetErrorNamingThePath() {
        Path missing = dir.resolve("missing-config");

        assertThatThrownBy(() -> KubernetesTarget.builder().kubeconfig(missing).build())
                .isInstanceOf(TargetException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void needsExactlyOneOfAClientAndAKubeconfig() {
        assertThatThrownBy(() -> KubernetesTarget.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aKubeconfigNamingADeadPortFailsWithinTheTimeoutNamingTheServerAndTheNetworkCause() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String server = "http://127.0.0.1:" + port;

        try (KubernetesTarget target = KubernetesTarget.builder()
                .kubeconfig(Kubeconfigs.write(dir.resolve("dead"), server)).connectTimeout(Duration.ofSeconds(1))
                .build()) {
            assertThatThrownBy(() -> target.resolve(ResourceKey.of("", "ConfigMap", "default", "x")))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining(server)
                    .hasMessageContaining("Connect");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aServerThatNeverAnswersFailsWithinTheRequestTimeout() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path kubeconfig = Files.writeString(dir.resolve("silent"), """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: silent
                      cluster: {server: "http://127.0.0.1:%d"}
                    contexts:
                    - name: silent
                      context: {cluster: silent, user: nobody, namespace: default}
                    current-context: silent
                    users:
                    - name: nobody
                      user: {}
                    """.formatted(silent.getLocalPort()));

            try (KubernetesTarget target = KubernetesTarget.builder().kubeconfig(kubeconfig)
                    .connectTimeout(Duration.ofMillis(500)).requestTimeout(Duration.ofMillis(500)).build()) {
                assertThatThrownBy(() -> target.resolve(ResourceKey.of("", "ConfigMap", "default", "x")))
                        .isInstanceOf(TargetException.class)
                        .hasMessageContaining("discovery");
            }
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
