package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.source.DesiredStateSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole engine run against an API server that accepts connections and never answers: it ends, and says why. */
class EngineAgainstSilentServerTest {
    private static final Resource CONFIG = Manifests.configMap("default", "settings", "mode", "fast");

    @TempDir
    Path dir;

    @Test
    void aRunAgainstAServerThatNeverAnswersEndsFailedNamingTheResource() throws IOException {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // given a server that accepts and never answers, and a target with short client timeouts
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-api-server");
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
                GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(new OneState()).target(target)
                        .build();

                // when the run is bounded far above the client timeouts, it still ends
                ReconcileResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> engine.reconcile(ReconcileOptions.builder().deadline(Duration.ofSeconds(30)).build()));

                // then
                assertThat(result.outcome()).isIn(Outcome.FAILED, Outcome.TIMED_OUT);
                assertThat(result.step(CONFIG.key())).hasValueSatisfying(step -> assertThat(step.isFailed()).isTrue());
                assertThat(result.failedSteps().toString()).contains("ConfigMap/default/settings");
                assertThat(accepted).isNotEmpty();
            }
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    /** A source that always declares the one ConfigMap. */
    private static final class OneState implements DesiredStateSource {
        @Override
        public DesiredState load() {
            return DesiredState.of("r1", List.of(CONFIG));
        }

        @Override
        public DesiredState load(Revision revision) {
            return load();
        }
    }
}
