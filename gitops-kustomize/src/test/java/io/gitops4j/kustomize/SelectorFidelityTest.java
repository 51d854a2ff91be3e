package io.gitops4j.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitops4j.ManifestException;
import io.gitops4j.kustomize.fidelity.KubectlKustomize;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Patch targets select by label and annotation exactly as {@code kubectl kustomize} does, and a malformed selector
 * is refused with the message kubectl prints.
 */
class SelectorFidelityTest {
    private static final String OBJECTS = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
              labels: {app: web, tier: front, replicas: "5"}
              annotations: {team: blue}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: api
              labels: {app: api, tier: back, empty: ""}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: plain
            """;

    @TempDir
    Path root;

    private void writeKustomization(String field, String selector) {
        TestTrees.write(root, "app/objects.yaml", OBJECTS, "app/kustomization.yaml", """
                resources: [objects.yaml]
                patches:
                  - target: {%s: '%s'}
                    patch: '[{"op": "add", "path": "/data", "value": {"patched": "yes"}}]'
                """.formatted(field, selector));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"app=web", "app==web", "app!=web", "tier in (front, back)", "tier notin (front)", "app",
        "!empty", "empty=", "empty in ()", "app in (,web)", "replicas>4", "replicas<5", "app,tier notin (x)",
        "in notin (in)", "a in (b,,c)"})
    void selectsTheObjectsKubectlKustomizeSelects(String selector) {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed at " + KubectlKustomize.KUBECTL
                + "; the fidelity comparison with kubectl kustomize is skipped");
        for (String field : List.of("labelSelector", "annotationSelector")) {
            writeKustomization(field, selector);
            List<String> expected = KustomizeOracle.kubectl(root.resolve("app"));
            assertThat(expected).as("kubectl kustomize output").noneMatch(d -> d.startsWith("ERROR:"));

            assertThat(KustomizeOracle.nativeRender(root, "app")).as(field + ": " + selector)
                    .containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a in (b", "a=b,,c", "a,", ",a", "a=b c", "!a=b", "a b", "a in b", "a in (,,)", "!",
        "n>x", "/a", "a/b/c=1", "-a", "Example.com/a", "a=$x", "a in (b,-c)"})
    void refusesAMalformedSelectorWithTheMessageKubectlPrints(String selector) {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed at " + KubectlKustomize.KUBECTL
                + "; the fidelity comparison with kubectl kustomize is skipped");
        writeKustomization("labelSelector", selector);
        String kubectl = KustomizeOracle.kubectl(root.resolve("app")).get(0);
        assertThat(kubectl).startsWith("ERROR:");

        assertThatThrownBy(() -> TestTrees.render(root, "app")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("'target.labelSelector' of a patch is not a valid selector")
                .satisfies(e -> assertThat(unescaped(kubectl)).contains(message(e.getMessage())));
    }

    /* The parser's message: what follows the field's explanation. */
    private static String message(String text) {
        String marker = "is not a valid selector: ";
        return text.substring(text.indexOf(marker) + marker.length());
    }

    /* kubectl logs the error as a quoted Go string. */
    private static String unescaped(String text) {
        return text.replace("\\\\", "\u0000").replace("\\\"", "\"").replace("\u0000", "\\");
    }
}
