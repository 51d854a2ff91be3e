package io.gitops4j.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.source.DirectorySource;
import io.gitops4j.testkit.InMemorySource;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three messages a new user meets first: an empty source, a broken Secret, a missing namespace. */
class FirstUseMessagesTest {

    @TempDir
    Path folder;

    @Test
    void allowEmptyAloneDoesWhatTheEmptySourceRefusalPromises() {
        // given an application owning ten objects whose source became empty
        InMemoryTarget target = InMemoryTarget.create();
        InMemorySource source = InMemorySource.of(DesiredState.of("r1", configMaps(10)));
        GitOpsEngine engine = GitOpsEngine.builder().application("shop").source(source).target(target).build();
        assertThat(engine.reconcile().succeeded()).isTrue();
        source.commit("r2", List.of());

        // when it reconciles without allowEmpty()
        ReconcileResult refused = engine.reconcile();

        // then the refusal names the one switch that is needed, and nothing is pruned
        assertThat(refused.error()).hasValueSatisfying(error -> assertThat(error)
                .contains("allowEmpty()", "prune everything", "lifts the prune limit"));
        assertThat(target.contents()).hasSize(10);

        // when it reconciles with allowEmpty() alone, then all ten are pruned, past the 50% limit
        ReconcileResult allowed = engine.reconcile(ReconcileOptions.builder().allowEmpty().build());
        assertThat(allowed.succeeded()).as(allowed.toString()).isTrue();
        assertThat(target.contents()).isEmpty();
    }

    @Test
    void aSecretWithAMalformedLineInAFolderKeepsItsValueOutOfTheErrorAndEveryCause() throws IOException {
        // given a folder whose Secret has a broken line
        Files.writeString(folder.resolve("secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
                + "stringData:\n  password: \"S3cr3t-value-42\" : broken\n", UTF_8);

        // when the run loads it
        ReconcileResult result = GitOpsEngine.builder().application("shop").source(DirectorySource.of(folder))
                .target(InMemoryTarget.create()).build().reconcile();
        Throwable thrown = null;
        try {
            DirectorySource.of(folder).load();
        } catch (RuntimeException e) {
            thrown = e;
        }

        // then the error names the file and line, and neither the run nor the exception chain holds the value
        assertThat(result.error()).hasValueSatisfying(error -> assertThat(error).contains("secret.yaml", "line 6")
                .doesNotContain("S3cr3t"));
        assertThat(thrown).isNotNull();
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("secret.yaml").doesNotContain("S3cr3t");
    }

    @Test
    void anApplyIntoAMissingNamespaceNamesTheNamespaceAndWhatToDo() {
        // given a ConfigMap for a namespace the cluster does not have
        try (EmbeddedKubernetesApi api = EmbeddedKubernetesApi.builder().build().start();
                KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
                KubernetesTarget target = KubernetesTarget.builder().client(client).build()) {
            Resource settings = configMap("payments", "settings");

            // when it is reconciled
            ReconcileResult result = GitOpsEngine.builder().application("pay").target(target)
                    .source(InMemorySource.of(DesiredState.of("r1", List.of(settings)))).build().reconcile();

            // then the step says which namespace is missing and how to get it, not to check the apiVersion
            assertThat(result.succeeded()).isFalse();
            assertThat(result.failedSteps()).singleElement().satisfies(step -> assertThat(step.message())
                    .contains("namespace payments does not exist", "declare it", "create it")
                    .doesNotContain("apiVersion is served"));
        }
    }

    private static List<Resource> configMaps(int count) {
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            resources.add(configMap("shop", "cm-" + i));
        }
        return resources;
    }

    private static Resource configMap(String namespace, String name) {
        return ProbeObjects.configMap(namespace, name, Map.of("k", "v"));
    }
}
