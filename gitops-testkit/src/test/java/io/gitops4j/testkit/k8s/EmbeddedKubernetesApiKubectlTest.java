package io.gitops4j.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code kubectl} binary, unchanged, against the embedded server: the scenarios a GitOps user runs by
 * hand. Skipped with a message when kubectl is not on the PATH.
 */
class EmbeddedKubernetesApiKubectlTest {

    private static final String DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
            + "  namespace: demo\n  labels: {app: web}\nspec:\n  replicas: REPLICAS\n  selector:\n"
            + "    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n"
            + "      containers:\n      - name: web\n        image: nginx:1.25\n        ports:\n"
            + "        - containerPort: 80\n";
    private static final String NAMESPACE = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n";

    @TempDir
    Path dir;

    private EmbeddedKubernetesApi api;
    private Kubectl kubectl;

    @BeforeEach
    void start() throws IOException {
        Optional<Path> binary = Kubectl.find();
        Assumptions.assumeTrue(binary.isPresent(), "kubectl is not on the PATH: skipping the kubectl scenarios");
        api = EmbeddedKubernetesApi.builder().build().start();
        Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));
        kubectl = new Kubectl(binary.get(), kubeconfig, Files.createDirectories(dir.resolve("cache")));
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private Path manifest(String name, int replicas) throws IOException {
        return Files.writeString(dir.resolve(name), NAMESPACE + "---\n"
                + DEPLOYMENT.replace("REPLICAS", Integer.toString(replicas)));
    }

    private Kubectl.Result applied(int replicas) throws IOException {
        return kubectl.run("apply", "--server-side", "-f", manifest("app-" + replicas + ".yaml", replicas).toString());
    }

    @Test
    void kubectlApplyServerSideCreatesTheObjects() throws IOException {
        Kubectl.Result result = applied(2);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("namespace/demo serverside-applied")
                .contains("deployment.apps/web serverside-applied");
        JsonNode stored = api.get("apps/v1", "Deployment", "demo", "web").orElseThrow();
        assertThat(stored.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(stored.path("metadata").path("managedFields").path(0).path("manager").asText())
                .isEqualTo("kubectl");
    }

    @Test
    void kubectlGetJsonReturnsTheObject() throws IOException {
        applied(2);

        Kubectl.Result result = kubectl.run("get", "deployment", "web", "-n", "demo", "-o", "json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode object = KubeHttp.JSON.readTree(result.stdout());
        assertThat(object.path("kind").asText()).isEqualTo("Deployment");
        assertThat(object.path("spec").path("template").path("spec").path("containers").path(0).path("image")
                .asText()).isEqualTo("nginx:1.25");
    }

    @Test
    void kubectlDiffServerSideShowsOnlyRealChanges() throws IOException {
        applied(2);

        Kubectl.Result same = kubectl.run("diff", "--server-side", "-f", manifest("same.yaml", 2).toString());
        Kubectl.Result changed = kubectl.run("diff", "--server-side", "-f", manifest("changed.yaml", 3).toString());

        assertThat(same.exitCode()).as(same.stdout() + same.stderr()).isZero();
        assertThat(changed.exitCode()).as(changed.stderr()).isEqualTo(1);
        assertThat(changed.stdout()).contains("-  replicas: 2").contains("+  replicas: 3");
        assertThat(api.get("apps/v1", "Deployment", "demo", "web").orElseThrow().path("spec").path("replicas")
                .asInt()).isEqualTo(2);
    }

    @Test
    void kubectlDeleteRemovesTheObjects() throws IOException {
        Path file = manifest("app.yaml", 2);
        kubectl.run("apply", "--server-side", "-f", file.toString());

        Kubectl.Result result = kubectl.run("delete", "-f", file.toString());
        Kubectl.Result after = kubectl.run("get", "deployment", "web", "-n", "demo");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("deployment.apps \"web\" deleted");
        assertThat(after.exitCode()).isNotZero();
        assertThat(after.stderr()).contains("NotFound");
        assertThat(api.get("v1", "Namespace", "", "demo")).isEmpty();
    }

    @Test
    void kubectlApplyServerSideWithAConflictNamesTheOtherManager() throws IOException {
        applied(2);
        Path changed = manifest("changed.yaml", 5);

        Kubectl.Result conflict = kubectl.run("apply", "--server-side", "--field-manager", "other", "-f",
                changed.toString());
        Kubectl.Result forced = kubectl.run("apply", "--server-side", "--field-manager", "other",
                "--force-conflicts", "-f", changed.toString());

        assertThat(conflict.exitCode()).isNotZero();
        assertThat(conflict.stderr()).contains("Apply failed with 1 conflict")
                .contains("conflict with \"kubectl\" using apps/v1: .spec.replicas");
        assertThat(forced.exitCode()).as(forced.stderr()).isZero();
        assertThat(api.get("apps/v1", "Deployment", "demo", "web").orElseThrow().path("spec").path("replicas")
                .asInt()).isEqualTo(5);
    }

    @Test
    void kubectlWaitsForAnAppliedCrdToBeEstablishedAndServesItsKind() throws IOException {
        Path crd = Files.writeString(dir.resolve("crd.yaml"), "apiVersion: apiextensions.k8s.io/v1\n"
                + "kind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n"
                + "  group: example.com\n  scope: Namespaced\n"
                + "  names: {plural: widgets, singular: widget, kind: Widget}\n"
                + "  versions:\n  - name: v1\n    served: true\n    storage: true\n"
                + "    schema:\n      openAPIV3Schema:\n"
                + "        type: object\n        x-kubernetes-preserve-unknown-fields: true\n");
        Path widget = Files.writeString(dir.resolve("widget.yaml"), "apiVersion: example.com/v1\nkind: Widget\n"
                + "metadata:\n  name: w1\n  namespace: default\nspec:\n  size: 3\n");

        Kubectl.Result applyCrd = kubectl.run("apply", "--server-side", "-f", crd.toString());
        Kubectl.Result established = kubectl.run("wait", "--for", "condition=Established", "--timeout", "30s",
                "crd/widgets.example.com");
        Kubectl.Result applyWidget = kubectl.run("apply", "--server-side", "-f", widget.toString());
        Kubectl.Result get = kubectl.run("get", "widgets", "-n", "default", "-o", "name");

        assertThat(applyCrd.exitCode()).as(applyCrd.stderr()).isZero();
        assertThat(established.exitCode()).as(established.stderr()).isZero();
        assertThat(applyWidget.exitCode()).as(applyWidget.stderr()).isZero();
        assertThat(get.stdout().trim()).isEqualTo("widget.example.com/w1");
    }
}
