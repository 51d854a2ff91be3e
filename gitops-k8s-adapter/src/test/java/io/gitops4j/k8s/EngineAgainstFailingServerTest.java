package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole engine runs against an API server that fails every request or refuses connections: the run's deadline
 * bounds them, with the client's retries counted against it, and the result names the server and the cause.
 */
class EngineAgainstFailingServerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    /** The deadline plus a generous allowance for the one request under way when it passes. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRunAgainstAServerAnswering503EndsByItsDeadlineNamingTheServer() throws IOException {
        // given a server answering 503 to everything, and eight ConfigMaps to apply
        try (FailingApiServer failing = FailingApiServer.start();
                KubernetesTarget target = KubernetesTarget.builder().kubeconfig(failing.kubeconfigIn(dir))
                        .requestTimeout(Duration.ofMillis(500)).build()) {
            // when
            long start = System.nanoTime();
            ReconcileResult result = reconcile(target);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // then
            assertThat(took).isLessThan(BOUND);
            assertThat(result.outcome()).isIn(Outcome.FAILED, Outcome.TIMED_OUT);
            assertThat(text(result)).contains(failing.url()).contains("503");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRunAgainstAClosedPortEndsByItsDeadlineNamingTheServerAndTheNetworkCause() throws IOException {
        // given a port nobody listens on
        String url = "http://127.0.0.1:" + closedPort();
        try (KubernetesTarget target = KubernetesTarget.builder()
                .kubeconfig(Kubeconfigs.write(dir.resolve("dead"), url)).requestTimeout(Duration.ofMillis(500))
                .build()) {
            // when
            long start = System.nanoTime();
            ReconcileResult result = reconcile(target);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // then
            assertThat(took).isLessThan(BOUND);
            assertThat(result.outcome()).isIn(Outcome.FAILED, Outcome.TIMED_OUT);
            assertThat(text(result)).contains(url).containsIgnoringCase("connect");
        }
    }

    private static ReconcileResult reconcile(KubernetesTarget target) {
        GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(new EightConfigMaps()).target(target)
                .build();
        return engine.reconcile(ReconcileOptions.builder().deadline(DEADLINE).build());
    }

    private static String text(ReconcileResult result) {
        return result + " " + result.failedSteps();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A source that always declares eight ConfigMaps. */
    private static final class EightConfigMaps implements DesiredStateSource {
        @Override
        public DesiredState load() {
            List<Resource> maps = IntStream.range(0, 8)
                    .mapToObj(i -> Manifests.configMap("default", "settings-" + i, "mode", "fast")).toList();
            return DesiredState.of("r1", maps);
        }

        @Override
        public DesiredState load(Revision revision) {
            return load();
        }
    }
}
