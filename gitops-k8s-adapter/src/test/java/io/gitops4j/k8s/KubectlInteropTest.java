package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitops4j.model.Resource;
import io.gitops4j.target.ApplyOptions;
import io.gitops4j.ConflictException;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target and the real {@code kubectl} binary share a cluster (the embedded API): kubectl sees what the target
 * applied, and a field kubectl applied server-side is a conflict naming kubectl. Skipped without kubectl.
 */
class KubectlInteropTest {
    @TempDir
    Path dir;
    private EmbeddedKubernetesApi api;
    private Path kubeconfig;
    private KubernetesTarget target;

    @BeforeEach
    void start() {
        assumeTrue(onPath("kubectl"), "skipped: kubectl is not on the PATH");
        api = EmbeddedKubernetesApi.builder().build().start();
        kubeconfig = api.writeKubeconfig(dir.resolve("config"));
        target = KubernetesTarget.builder().kubeconfig(kubeconfig).forceConflicts(false).build();
    }

    @AfterEach
    void stop() {
        if (target != null) {
            target.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void kubectlSeesTheTrackingAnnotationAndFieldManager() throws Exception {
        target.apply(Manifests.configMap("default", "settings", "color", "blue"), ApplyOptions.DEFAULT);

        String annotation = kubectl("get", "configmap", "settings", "-n", "default",
                "-o", "jsonpath={.metadata.annotations.gitops4j\\.io/tracking-id}");
        String managers = kubectl("get", "configmap", "settings", "-n", "default", "--show-managed-fields",
                "-o", "jsonpath={.metadata.managedFields[*].manager}");

        assertThat(annotation).isEqualTo("test:/ConfigMap:default/settings");
        assertThat(managers).contains("gitops4j");
    }

    @Test
    void aFieldKubectlAppliedServerSideIsAConflictNamingKubectl() throws Exception {
        Path manifest = Files.writeString(dir.resolve("cm.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: default
                data:
                  color: red
                """);
        kubectl("apply", "--server-side", "--field-manager=kubectl", "--validate=false", "-f", manifest.toString());
        Resource ours = Manifests.configMap("default", "settings", "color", "blue");

        assertThatThrownBy(() -> target.apply(ours, ApplyOptions.DEFAULT))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.owner()).isEqualTo("kubectl"));
        target.apply(ours, ApplyOptions.DEFAULT.withForce(true));
        assertThat(kubectl("get", "configmap", "settings", "-n", "default", "-o", "jsonpath={.data.color}"))
                .isEqualTo("blue");
    }

    private String kubectl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl " + List.of(args) + " did not finish in 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as("kubectl %s: %s", List.of(args), output).isZero();
        return output;
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, binary))) {
                return true;
            }
        }
        return false;
    }
}
