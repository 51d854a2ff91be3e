package io.gitops4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.samples.demo.DemoManifests;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which kubeconfig and context the CLI uses: --kubeconfig, $KUBECONFIG merged as kubectl does, checked contexts. */
class KubeconfigCliTest {
    private static final String TWO_CONTEXTS = """
            apiVersion: v1
            kind: Config
            current-context: staging
            clusters:
            - name: staging
              cluster: {server: "https://127.0.0.1:1", certificate-authority: certs/ca.crt}
            contexts:
            - name: staging
              context: {cluster: staging, user: me}
            - name: production
              context: {cluster: staging, user: me}
            users:
            - name: me
              user: {token: not-a-real-token}
            """;

    @TempDir
    Path temp;

    @Test
    void anUnknownContextIsAnErrorListingTheAvailableOnes() throws IOException {
        // given
        Path kubeconfig = Files.writeString(temp.resolve("config"), TWO_CONTEXTS);

        // when
        CliRun plan = CliRun.of("plan", "--dir", temp.toString(), "--kubeconfig", kubeconfig.toString(),
                "--context", "prod");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.err()).startsWith("error: --context prod is not in kubeconfig " + kubeconfig)
                .contains("available contexts: staging, production");
        assertThat(plan.err()).doesNotContain("not-a-real-token");
    }

    @Test
    void aCurrentContextThatIsNotDefinedIsAnError() throws IOException {
        // given
        Path kubeconfig = Files.writeString(temp.resolve("config"),
                TWO_CONTEXTS.replace("current-context: staging", "current-context: gone"));

        // when
        CliRun plan = CliRun.of("plan", "--dir", temp.toString(), "--kubeconfig", kubeconfig.toString());

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.err()).contains("current context gone is not in kubeconfig", "staging, production");
    }

    @Test
    void theContextIsLookedUpInEveryFileOfKubeconfigVariable() throws IOException {
        // given: the context is only in the second file of $KUBECONFIG
        Path first = Files.writeString(temp.resolve("first"), TWO_CONTEXTS);
        Path missing = temp.resolve("missing");
        Path second = Files.writeString(temp.resolve("second"), TWO_CONTEXTS.replace("staging", "dev")
                .replace("production", "test"));
        CliEnvironment environment = new CliEnvironment(Map.of("KUBECONFIG",
                String.join(File.pathSeparator, first.toString(), missing.toString(), second.toString())), false);

        // when
        CliRun plan = CliRun.in(environment, "plan", "--dir", temp.toString(), "--context", "nowhere");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.err()).contains("available contexts: staging, production, dev, test");
    }

    @Test
    void aKubeconfigVariableWithoutAnyFileIsAnError() {
        // given
        CliEnvironment environment = new CliEnvironment(Map.of("KUBECONFIG", temp.resolve("none").toString()), false);

        // when
        CliRun plan = CliRun.in(environment, "plan", "--dir", temp.toString(), "--context", "any");

        // then
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(plan.err()).contains("$KUBECONFIG", "names no kubeconfig file that exists");
    }

    @Test
    void plansThroughAContextOfTheSecondFileOfKubeconfigVariable() throws IOException {
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start()) {
            // given: $KUBECONFIG lists a file without the embedded API's context, then the API's own kubeconfig
            Path manifests = DemoManifests.writeTo("v1", temp.resolve("manifests"));
            Path first = Files.writeString(temp.resolve("first"), TWO_CONTEXTS);
            Path second = api.writeKubeconfig(temp.resolve("embedded"));
            CliEnvironment environment = new CliEnvironment(Map.of("KUBECONFIG",
                    first + File.pathSeparator + second), false);

            // when
            CliRun plan = CliRun.in(environment, "plan", "--dir", manifests.toString(), "--context",
                    "gitops4j-embedded");

            // then
            assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.CHANGES);
            assertThat(plan.out()).contains("(context gitops4j-embedded)", "Plan: 5 to create");
        }
    }

    @Test
    void mergingKeepsTheFirstEntryOfEachNameAndTheFirstCurrentContext() throws IOException {
        // given
        Path first = Files.writeString(temp.resolve("first"), TWO_CONTEXTS);
        Path second = Files.writeString(temp.resolve("second"), TWO_CONTEXTS
                .replace("current-context: staging", "current-context: production")
                .replace("https://127.0.0.1:1", "https://127.0.0.1:2").replace("- name: production", "- name: extra"));

        // when
        ObjectNode merged = Kubeconfigs.merge(List.of(first, second));

        // then
        assertThat(merged.path("current-context").asText()).isEqualTo("staging");
        assertThat(merged.path("clusters")).hasSize(1);
        assertThat(merged.path("clusters").get(0).path("cluster").path("server").asText())
                .isEqualTo("https://127.0.0.1:1");
        assertThat(merged.path("clusters").get(0).path("cluster").path("certificate-authority").asText())
                .isEqualTo(first.getParent().resolve("certs/ca.crt").toString());
        assertThat(merged.path("contexts")).extracting(c -> c.path("name").asText())
                .containsExactly("staging", "production", "extra");
    }
}
