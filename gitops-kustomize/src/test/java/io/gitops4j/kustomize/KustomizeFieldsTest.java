package io.gitops4j.kustomize;

import static io.gitops4j.kustomize.TestTrees.ids;
import static io.gitops4j.kustomize.TestTrees.render;
import static io.gitops4j.kustomize.TestTrees.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One behaviour per kustomization field, with the expected output written out (the fidelity tests compare the same
 * fields with kubectl; these run without it).
 */
class KustomizeFieldsTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  serviceAccountName: runner
                  containers:
                    - name: web
                      image: nginx:1.25
                      envFrom:
                        - configMapRef: {name: settings}
            """;
    private static final String OTHERS = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data: {mode: fast}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: runner
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: runner
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects:
              - {kind: ServiceAccount, name: runner}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            """;

    @TempDir
    Path repo;

    private List<ObjectNode> build(String kustomization) {
        write(repo, "app/kustomization.yaml", kustomization, "app/deployment.yaml", DEPLOYMENT, "app/others.yaml",
                OTHERS);
        return render(repo, "app");
    }

    private static ObjectNode find(List<ObjectNode> bodies, String kind) {
        return bodies.stream().filter(b -> b.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void outputFollowsKustomizeLegacyKindOrder() {
        List<ObjectNode> bodies = build("resources: [deployment.yaml, others.yaml]\n");

        assertThat(ids(bodies)).containsExactly("ServiceAccount/runner", "RoleBinding/runner", "ConfigMap/settings",
                "Service/web", "Deployment/web");
    }

    @Test
    void namePrefixAndSuffixRenameObjectsAndTheirReferences() {
        List<ObjectNode> bodies = build("resources: [deployment.yaml, others.yaml]\nnamePrefix: p-\nnameSuffix: -s\n");

        ObjectNode deployment = find(bodies, "Deployment");
        assertThat(deployment.at("/metadata/name").asText()).isEqualTo("p-web-s");
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo("p-runner-s");
        assertThat(deployment.at("/spec/template/spec/containers/0/envFrom/0/configMapRef/name").asText())
                .isEqualTo("p-settings-s");
        assertThat(find(bodies, "RoleBinding").at("/subjects/0/name").asText()).isEqualTo("p-runner-s");
        assertThat(find(bodies, "RoleBinding").at("/roleRef/name").asText()).isEqualTo("view");
    }

    @Test
    void namespaceReachesObjectsAndServiceAccountSubjects() {
        List<ObjectNode> bodies = build("resources: [deployment.yaml, others.yaml]\nnamespace: shop\n");

        assertThat(bodies).allSatisfy(b -> assertThat(b.at("/metadata/namespace").asText()).isEqualTo("shop"));
        assertThat(find(bodies, "RoleBinding").at("/subjects/0/namespace").asText()).isEqualTo("shop");
    }

    @Test
    void commonLabelsReachSelectorsAndTemplates() {
        List<ObjectNode> bodies = build("resources: [deployment.yaml, others.yaml]\ncommonLabels: {team: a}\n");

        ObjectNode deployment = find(bodies, "Deployment");
        assertThat(deployment.at("/metadata/labels/team").asText()).isEqualTo("a");
        assertThat(deployment.at("/spec/selector/matchLabels/team").asText()).isEqualTo("a");
        assertThat(deployment.at("/spec/template/metadata/labels/team").asText()).isEqualTo("a");
        assertThat(find(bodies, "Service").at("/spec/selector/team").asText()).isEqualTo("a");
    }

    @Test
    void labelsWithoutSelectorsLeaveSelectorsAlone() {
        List<ObjectNode> bodies = build("resources: [deployment.yaml, others.yaml]\nlabels:\n"
                + "  - pairs: {team: a}\n    includeTemplates: true\n");

        ObjectNode deployment = find(bodies, "Deployment");
        assertThat(deployment.at("/metadata/labels/team").asText()).isEqualTo("a");
        assertThat(deployment.at("/spec/template/metadata/labels/team").asText()).isEqualTo("a");
        assertThat(deployment.at("/spec/selector/matchLabels").has("team")).isFalse();
        assertThat(find(bodies, "Service").at("/spec/selector").has("team")).isFalse();
    }

    @Test
    void commonAnnotationsReachPodTemplates() {
        List<ObjectNode> bodies = build("resources: [deployment.yaml]\ncommonAnnotations: {note: x}\n");

        assertThat(find(bodies, "Deployment").at("/spec/template/metadata/annotations/note").asText())
                .isEqualTo("x");
    }

    @Test
    void imagesChangeNameTagAndDigest() {
        List<ObjectNode> bodies = build("resources: [deployment.yaml]\nimages:\n"
                + "  - {name: nginx, newName: mirror/nginx, newTag: \"1.27\"}\n");

        assertThat(find(bodies, "Deployment").at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("mirror/nginx:1.27");
    }

    @Test
    void replicasSetTheCount() {
        List<ObjectNode> bodies = build("resources: [deployment.yaml]\nreplicas:\n  - {name: web, count: 3}\n");

        assertThat(find(bodies, "Deployment").at("/spec/replicas").asInt()).isEqualTo(3);
    }

    @Test
    void strategicMergeAndJsonPatchesApplyByTarget() {
        List<ObjectNode> bodies = build("""
                resources: [deployment.yaml, others.yaml]
                patches:
                  - target: {kind: Service}
                    patch: |-
                      - {op: add, path: /spec/type, value: NodePort}
                  - patch: |-
                      apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: settings}
                      data: {mode: slow}
                """);

        assertThat(find(bodies, "Service").at("/spec/type").asText()).isEqualTo("NodePort");
        assertThat(find(bodies, "ConfigMap").at("/data/mode").asText()).isEqualTo("slow");
    }

    @Test
    void generatedConfigMapsGetAHashSuffixAndReferencesFollow() {
        List<ObjectNode> bodies = build("""
                resources: [deployment.yaml]
                configMapGenerator:
                  - name: settings
                    literals: [mode=fast]
                """);

        String name = find(bodies, "ConfigMap").at("/metadata/name").asText();
        assertThat(name).matches("settings-[a-z0-9]{10}");
        assertThat(find(bodies, "Deployment").at("/spec/template/spec/containers/0/envFrom/0/configMapRef/name")
                .asText()).isEqualTo(name);
    }

    @Test
    void builtinTransformerFilesApplyTheirOwnFieldSpecs() {
        write(repo, "app/labels.yaml", """
                apiVersion: builtin
                kind: LabelTransformer
                metadata: {name: labels}
                labels: {env: dev}
                fieldSpecs: [{path: metadata/labels, create: true}]
                """);
        List<ObjectNode> bodies = build("resources: [deployment.yaml]\ntransformers: [labels.yaml]\n");

        ObjectNode deployment = find(bodies, "Deployment");
        assertThat(deployment.at("/metadata/labels/env").asText()).isEqualTo("dev");
        assertThat(deployment.at("/spec/selector/matchLabels").has("env")).isFalse();
    }

    @Test
    void componentsTransformWhatTheKustomizationAccumulated() {
        write(repo, "comp/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                commonAnnotations: {from: component}
                """);
        List<ObjectNode> bodies = build("resources: [deployment.yaml]\ncomponents: [../comp]\n");

        assertThat(find(bodies, "Deployment").at("/metadata/annotations/from").asText()).isEqualTo("component");
    }
}
