package io.gitops4j.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops4j.git.GitSource;
import io.gitops4j.helm.HelmRenderer;
import io.gitops4j.k8s.KubernetesTarget;
import io.gitops4j.kustomize.KustomizeRenderer;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileOptions;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.ReconcileResult.Outcome;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.k8s.EmbeddedKubernetesApi;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Git commit rendered by Kustomize or Helm and reconciled into the embedded API: converges on the second run, a
 * commit that changes nothing the application reads costs no render, a rollback re-renders the old commit, and a
 * broken kustomization prunes nothing.
 */
class RenderedGitToKubernetesTest {
    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            """;
    private static final String SETTINGS = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              colour: blue
            """;
    private static final String BASE = """
            resources:
              - settings.yaml
            """;
    private static final String OVERLAY = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: shop
            namePrefix: prod-
            resources:
              - namespace.yaml
              - ../../base
            """;

    private EmbeddedKubernetesApi api;
    private KubernetesClient client;
    private GitRepoFixture repo;
    private GitSource source;

    @BeforeEach
    void start() {
        api = EmbeddedKubernetesApi.builder().build().start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
        repo = GitRepoFixture.create();
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        repo.close();
        client.close();
        api.close();
    }

    @Test
    void aKustomizeOverlayConvergesSkipsRendersForOtherFoldersAndRollsBackByRevision() {
        // given
        repo.commit(Map.of("base/kustomization.yaml", BASE, "base/settings.yaml", SETTINGS,
                "overlays/prod/kustomization.yaml", OVERLAY, "overlays/prod/namespace.yaml", NAMESPACE,
                "other/app.yaml", SETTINGS));
        CountingRenderer kustomize = new CountingRenderer(new KustomizeRenderer());
        source = GitSource.builder().uri(repo.fileUri()).path("overlays/prod").renderer(kustomize).build();
        GitOpsEngine engine = engine();

        // when
        ReconcileResult first = engine.reconcile(ReconcileOptions.defaults());
        ReconcileResult second = engine.reconcile(ReconcileOptions.defaults());

        // then
        assertThat(first.outcome()).as(first + " " + first.error()).isEqualTo(Outcome.APPLIED);
        assertThat(client.configMaps().inNamespace("shop").withName("prod-settings").get().getData())
                .containsEntry("colour", "blue");
        assertThat(second.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(source.load().renderedBy()).isEqualTo("kustomize (native)");

        // a commit to another folder: a new revision, no render
        repo.commit(Map.of("other/app.yaml", SETTINGS.replace("blue", "red")));
        ReconcileResult unrelated = engine.reconcile(ReconcileOptions.defaults());
        assertThat(unrelated.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(unrelated.revision().orElseThrow().id()).isNotEqualTo(first.revision().orElseThrow().id());
        assertThat(kustomize.renders()).isEqualTo(1);

        // a change to the base the overlay reads: rendered and applied
        repo.commit(Map.of("base/settings.yaml", SETTINGS.replace("blue", "green")));
        ReconcileResult changed = engine.reconcile(ReconcileOptions.defaults());
        assertThat(changed.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(kustomize.renders()).isEqualTo(2);
        assertThat(colour()).isEqualTo("green");

        // roll back to the first revision: its commit and its rendered digest
        Revision old = first.revision().orElseThrow();
        ReconcileResult rollback = engine.reconcile(ReconcileOptions.builder().revision(old).build());
        assertThat(rollback.outcome()).as(rollback + " " + rollback.error()).isEqualTo(Outcome.APPLIED);
        assertThat(rollback.revision()).contains(old);
        assertThat(colour()).isEqualTo("blue");
    }

    @Test
    void aBrokenKustomizationFailsTheRunAndPrunesNothing() {
        // given
        repo.commit(Map.of("base/kustomization.yaml", BASE, "base/settings.yaml", SETTINGS,
                "overlays/prod/kustomization.yaml", OVERLAY, "overlays/prod/namespace.yaml", NAMESPACE));
        source = GitSource.builder().uri(repo.fileUri()).path("overlays/prod").renderer(new KustomizeRenderer())
                .build();
        GitOpsEngine engine = engine();
        assertThat(engine.reconcile(ReconcileOptions.defaults()).outcome()).isEqualTo(Outcome.APPLIED);

        // when
        repo.commit(Map.of("overlays/prod/kustomization.yaml", OVERLAY.replace("../../base", "../../missing")));
        ReconcileResult broken = engine.reconcile(ReconcileOptions.defaults());

        // then
        assertThat(broken.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(broken.error()).hasValueSatisfying(error -> assertThat(error).contains("missing"));
        assertThat(client.configMaps().inNamespace("shop").withName("prod-settings").get()).isNotNull();
        assertThat(client.namespaces().withName("shop").get()).isNotNull();
    }

    @Test
    void aChartFolderRendersWithHelmAndConverges() {
        // given
        Map<String, String> files = new HashMap<>();
        files.put("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        files.put("charts/web/values.yaml", "colour: blue\n");
        files.put("charts/web/values-prod.yaml", "colour: purple\n");
        files.put("charts/web/templates/settings.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-settings
                  namespace: {{ .Release.Namespace }}
                data:
                  colour: {{ .Values.colour | quote }}
                """);
        files.put("shop/namespace.yaml", NAMESPACE);
        repo.commit(files);
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName("shop").endMetadata().build()).create();
        source = GitSource.builder().uri(repo.fileUri()).path("charts/web").renderer(new HelmRenderer())
                .render(RenderSettings.builder().namespace("shop").releaseName("shop")
                        .valuesFile("values-prod.yaml").build())
                .build();
        GitOpsEngine engine = engine();

        // when
        ReconcileResult first = engine.reconcile(ReconcileOptions.defaults());
        ReconcileResult second = engine.reconcile(ReconcileOptions.defaults());

        // then
        assertThat(first.outcome()).as(first + " " + first.error()).isEqualTo(Outcome.APPLIED);
        assertThat(client.configMaps().inNamespace("shop").withName("shop-settings").get().getData())
                .containsEntry("colour", "purple");
        assertThat(second.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(source.load().renderedBy()).isEqualTo("helm");
    }

    private GitOpsEngine engine() {
        return GitOpsEngine.builder().application("shop").source(source)
                .target(KubernetesTarget.builder().client(client).build()).build();
    }

    private String colour() {
        return client.configMaps().inNamespace("shop").withName("prod-settings").get().getData().get("colour");
    }
}
