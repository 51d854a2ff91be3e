package io.gitops4j.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.diff.ChangeType;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.source.DirectorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ownership between applications and deletion order, where Kubernetes semantics matter: two applications on one
 * embedded API server, each with its own folder of manifests.
 */
class OwnershipOnKubernetesTest {
    private static final ResourceKey SHARED = ResourceKey.of("", "ConfigMap", "default", "shared");

    @TempDir
    Path shopDir;
    @TempDir
    Path blogDir;

    @RegisterExtension
    final EmbeddedCluster cluster = new EmbeddedCluster();

    private GitOpsEngine engine(String application, Path folder) {
        return GitOpsEngine.builder().application(application).source(DirectorySource.of(folder))
                .target(KubernetesTarget.builder().client(cluster.client()).build()).build();
    }

    private static void write(Path folder, String file, String content) throws IOException {
        Files.writeString(folder.resolve(file), content);
    }

    private static String configMap(String name, String annotations) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: default\n"
                + annotations + "data:\n  v: '1'\n";
    }

    private String trackingIdOf(String name) {
        return cluster.client().configMaps().inNamespace("default").withName(name).get().getMetadata().getAnnotations()
                .get("gitops4j.io/tracking-id");
    }

    @Test
    void anObjectOwnedByAnotherApplicationIsAConflictUntilAdoptedAndIsThenNeverPrunedByItsFormerOwner()
            throws IOException {
        // given shop owns the ConfigMap
        write(shopDir, "shared.yaml", configMap("shared", ""));
        write(shopDir, "own.yaml", configMap("shop-own", ""));
        assertThat(engine("shop", shopDir).reconcile().outcome()).isEqualTo(Outcome.APPLIED);

        // when blog declares it too
        write(blogDir, "shared.yaml", configMap("shared", ""));
        ReconcileResult conflict = engine("blog", blogDir).reconcile();

        // then
        assertThat(conflict.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(conflict.step(SHARED).map(StepResult::message).orElseThrow()).contains("owned by application shop");
        assertThat(trackingIdOf("shared")).startsWith("shop:");

        // when blog adopts it explicitly
        write(blogDir, "shared.yaml", configMap("shared", "  annotations:\n    gitops4j.io/adopt: \"true\"\n"));
        ReconcileResult adopted = engine("blog", blogDir).reconcile();

        // then
        assertThat(adopted.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(trackingIdOf("shared")).startsWith("blog:");

        // when shop no longer declares it, shop does not delete blog's object
        Files.delete(shopDir.resolve("shared.yaml"));
        ReconcileResult released = engine("shop", shopDir).reconcile(ReconcileOptions.builder().allowLargePrune().build());

        // then
        assertThat(released.step(SHARED).map(StepResult::message).orElseThrow()).contains("released");
        assertThat(cluster.client().configMaps().inNamespace("default").withName("shared").get()).isNotNull();
    }

    @Test
    void prunesCustomResourcesBeforeTheirCrdAndNamespacedObjectsBeforeTheirNamespace() throws IOException {
        // given
        write(shopDir, "keep.yaml", configMap("keep", ""));
        write(shopDir, "crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.gitops4j.io
                spec:
                  group: example.gitops4j.io
                  scope: Namespaced
                  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """);
        write(shopDir, "team.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: team
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: team
                ---
                apiVersion: example.gitops4j.io/v1
                kind: Widget
                metadata:
                  name: first
                  namespace: team
                spec:
                  size: 3
                """);
        assertThat(engine("shop", shopDir).reconcile().failedSteps()).isEmpty();

        // when everything but one ConfigMap is removed from the folder
        Files.delete(shopDir.resolve("crd.yaml"));
        Files.delete(shopDir.resolve("team.yaml"));
        ReconcileResult result = engine("shop", shopDir).reconcile(ReconcileOptions.builder().allowLargePrune().build());

        // then
        List<String> deleted = result.steps().stream().filter(s -> s.action() == ChangeType.DELETE)
                .map(s -> s.key().kind()).toList();
        assertThat(deleted).containsExactly("Widget", "ConfigMap", "CustomResourceDefinition", "Namespace");
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(cluster.client().namespaces().withName("team").get()).satisfiesAnyOf(
                ns -> assertThat(ns).isNull(),
                ns -> assertThat(ns.getMetadata().getDeletionTimestamp()).isNotNull());
    }
}
