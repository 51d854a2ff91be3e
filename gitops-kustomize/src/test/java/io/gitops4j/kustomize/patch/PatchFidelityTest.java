package io.gitops4j.kustomize.patch;

import static io.gitops4j.kustomize.fidelity.KubectlKustomize.object;
import static io.gitops4j.kustomize.fidelity.KubectlKustomize.utf8;
import static io.gitops4j.kustomize.fidelity.KubectlKustomize.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.kustomize.fidelity.KubectlKustomize;
import io.gitops4j.model.Provenance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares strategic merge and JSON 6902 patches with {@code kubectl kustomize} on a table of small kustomizations
 * (one resource, one patch). Skips when kubectl is not installed.
 */
class PatchFidelityTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web, tier: front}
              finalizers: [a, b]
            spec:
              replicas: 1
              strategy:
                type: RollingUpdate
                rollingUpdate: {maxSurge: 1}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  tolerations:
                  - {key: k1, operator: Exists}
                  hostAliases:
                  - {ip: 1.1.1.1, hostnames: [a]}
                  topologySpreadConstraints:
                  - {topologyKey: zone, maxSkew: 1, whenUnsatisfiable: DoNotSchedule}
                  volumes:
                  - {name: v1, emptyDir: {}}
                  - {name: v2, configMap: {name: cm}}
                  containers:
                  - name: app
                    image: app:1
                    args: [a, b]
                    ports:
                    - {containerPort: 80, name: http}
                    - {containerPort: 443, name: https}
                    env:
                    - {name: A, value: "1"}
                    - {name: B, value: "2"}
                    volumeMounts:
                    - {mountPath: /a, name: v1}
                  - name: side
                    image: side:1
            """;
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations: {a: "1"}
            spec:
              selector: {app: web, tier: front}
              ports:
              - {port: 80, targetPort: 8080, name: http}
              - {port: 443, name: https}
              - {port: 53, protocol: UDP, name: dns}
            """;
    private static final String CRD_OBJECT = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
              finalizers: [a, b]
            spec:
              items:
              - {name: a, v: 1}
              - {name: b, v: 2}
              template:
                spec:
                  containers:
                  - {name: c1, image: i1}
            """;
    private static final String DEPLOY_HEAD = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n";
    private static final String POD_SPEC = DEPLOY_HEAD + "spec:\n  template:\n    spec:\n";
    private static final String SERVICE_HEAD = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n";
    private static final String WIDGET_HEAD = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n";

    static Stream<Arguments> strategicMergeCases() {
        return Stream.of(
                smp("containers merge by name, new ones first", DEPLOYMENT, POD_SPEC + """
                              containers:
                              - {name: extra, image: extra:1}
                              - {name: app, image: app:2}
                        """),
                smp("list item deleted with $patch: delete", DEPLOYMENT, POD_SPEC + """
                              containers:
                              - {name: side, $patch: delete}
                        """),
                smp("map replaced with $patch: replace", DEPLOYMENT, DEPLOY_HEAD + """
                          labels:
                            $patch: replace
                            only: this
                        """),
                smp("list replaced with a $patch: replace item", DEPLOYMENT, POD_SPEC + """
                              volumes:
                              - $patch: replace
                              - {name: only, emptyDir: {}}
                        """),
                smp("null deletes a field", DEPLOYMENT, DEPLOY_HEAD + """
                          labels: {tier: null}
                        spec:
                          strategy: {rollingUpdate: null}
                          replicas: null
                        """),
                smp("env merges by name", DEPLOYMENT, POD_SPEC + """
                              containers:
                              - name: app
                                env:
                                - {name: B, value: "3"}
                                - {name: C, value: "4"}
                        """),
                smp("container ports merge by containerPort", DEPLOYMENT, POD_SPEC + """
                              containers:
                              - name: app
                                ports:
                                - {containerPort: 443, name: tls}
                                - {containerPort: 8080}
                        """),
                smp("service ports merge by port and protocol in place", SERVICE, SERVICE_HEAD + """
                        spec:
                          ports:
                          - {port: 443, name: secure}
                          - {port: 9090, name: metrics}
                        """),
                smp("service selector and annotations merge", SERVICE, SERVICE_HEAD + """
                          annotations: {b: "2"}
                        spec:
                          selector: {tier: null, version: v2}
                        """),
                smp("custom resource lists are replaced", CRD_OBJECT, WIDGET_HEAD + """
                          finalizers: [c]
                        spec:
                          items:
                          - {name: b, w: 3}
                          template:
                            spec:
                              containers:
                              - {name: c2}
                        """),
                smp("custom resource maps merge", CRD_OBJECT, WIDGET_HEAD + """
                          labels: {x: y}
                        spec:
                          template:
                            $patch: replace
                            other: 1
                        """),
                smp("setElementOrder stays as a field", DEPLOYMENT, POD_SPEC + """
                              $setElementOrder/containers:
                              - name: side
                              - name: app
                              containers:
                              - {name: app, image: app:3}
                        """),
                smp("retainKeys stays as a field", DEPLOYMENT, DEPLOY_HEAD + """
                        spec:
                          strategy:
                            $retainKeys: [type]
                            type: Recreate
                        """),
                smp("volumes merge by name", DEPLOYMENT, POD_SPEC + """
                              volumes:
                              - {name: v2, configMap: {name: other}}
                              - {name: v3, secret: {secretName: s}}
                        """),
                smp("volumeMounts merge by mountPath", DEPLOYMENT, POD_SPEC + """
                              containers:
                              - name: app
                                volumeMounts:
                                - {mountPath: /b, name: v2}
                                - {mountPath: /a, readOnly: true}
                        """),
                smp("finalizers merge as a set", DEPLOYMENT, DEPLOY_HEAD + "  finalizers: [c, a]\n"),
                smp("tolerations and args are replaced", DEPLOYMENT, POD_SPEC + """
                              tolerations:
                              - {key: k2, operator: Exists}
                              containers:
                              - {name: app, args: [c]}
                        """),
                smp("hostAliases by ip and topology constraints by key", DEPLOYMENT, POD_SPEC + """
                              hostAliases:
                              - {ip: 2.2.2.2, hostnames: [b]}
                              topologySpreadConstraints:
                              - {topologyKey: zone, maxSkew: 3, whenUnsatisfiable: DoNotSchedule}
                        """),
                smp("null removes a field of a merged item", DEPLOYMENT, POD_SPEC + """
                              containers:
                              - {name: side, image: null}
                        """),
                smp("null inside a replaced list is kept", DEPLOYMENT, POD_SPEC + """
                              tolerations:
                              - {key: a, value: null}
                        """),
                smp("empty keyed list keeps the target's items", DEPLOYMENT, POD_SPEC + "      containers: []\n"),
                smp("new keyed list item drops its nulls", DEPLOYMENT, POD_SPEC + """
                              volumes:
                              - {name: v9, emptyDir: {medium: null, sizeLimit: 1Gi}}
                        """),
                smp("whole object deleted", DEPLOYMENT, DEPLOY_HEAD + "$patch: delete\n"),
                smp("empty map is added", DEPLOYMENT, DEPLOY_HEAD + "spec:\n  template:\n    spec:\n"
                        + "      securityContext: {}\n"),
                smp("initContainers added to a pod", """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p}
                        spec:
                          containers:
                          - {name: c, image: c:1}
                        """, """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p}
                        spec:
                          initContainers:
                          - {name: init, image: busybox, env: [{name: X, value: y}]}
                          containers:
                          - {name: c, image: c:2}
                        """),
                smp("cronjob pod template containers merge", """
                        apiVersion: batch/v1
                        kind: CronJob
                        metadata: {name: cj}
                        spec:
                          schedule: "* * * * *"
                          jobTemplate:
                            spec:
                              template:
                                spec:
                                  containers:
                                  - {name: a, image: a:1}
                                  - {name: b, image: b:1}
                        """, """
                        apiVersion: batch/v1
                        kind: CronJob
                        metadata: {name: cj}
                        spec:
                          jobTemplate:
                            spec:
                              template:
                                spec:
                                  containers:
                                  - {name: b, image: b:2}
                        """));
    }

    static Stream<Arguments> jsonPatchCases() {
        return Stream.of(
                json("add, replace and remove", DEPLOYMENT, """
                        - {op: add, path: /metadata/labels/new, value: x}
                        - {op: replace, path: /spec/replicas, value: 3}
                        - {op: remove, path: /metadata/labels/tier}
                        """),
                json("append with - and insert by index", DEPLOYMENT, """
                        - {op: add, path: /spec/template/spec/containers/-, value: {name: last, image: l}}
                        - {op: add, path: /spec/template/spec/containers/0, value: {name: first, image: f}}
                        """),
                json("escaped pointer tokens", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: web
                          annotations: {"example.com/a~b": "1"}
                        data: {}
                        """, """
                        - {op: replace, path: "/metadata/annotations/example.com~1a~0b", value: "2"}
                        - {op: add, path: "/data/x~1y", value: "z"}
                        """),
                json("move, copy and test", DEPLOYMENT, """
                        - {op: test, path: /spec/replicas, value: 1}
                        - {op: copy, from: /metadata/labels, path: /spec/template/metadata/annotations}
                        - {op: move, from: /metadata/labels/tier, path: /metadata/labels/layer}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategicMergeCases")
    void strategicMergeMatchesKubectlKustomize(String name, String resource, String patch, @TempDir Path dir) {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed at /usr/bin/kubectl; fidelity skipped");
        List<JsonNode> expected = KubectlKustomize.build(dir, Map.of("res.yaml", utf8(resource),
                "patch.yaml", utf8(patch),
                "kustomization.yaml", utf8("resources: [res.yaml]\npatches:\n- path: patch.yaml\n")));

        ObjectNode actual = StrategicMergePatch.apply(object(resource), object(patch), Provenance.UNKNOWN);

        if (expected.isEmpty()) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isNotNull();
            assertThat(actual.toPrettyString()).isEqualTo(expected.get(0).toPrettyString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonPatchCases")
    void jsonPatchMatchesKubectlKustomize(String name, String resource, String patch, @TempDir Path dir) {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed at /usr/bin/kubectl; fidelity skipped");
        ObjectNode object = object(resource);
        String target = "{kind: " + object.path("kind").asText() + ", name: "
                + object.path("metadata").path("name").asText() + "}";
        List<JsonNode> expected = KubectlKustomize.build(dir, Map.of("res.yaml", utf8(resource),
                "patch.yaml", utf8(patch),
                "kustomization.yaml", utf8("resources: [res.yaml]\npatches:\n- path: patch.yaml\n  target: "
                        + target + "\n")));

        ObjectNode actual = JsonPatch.apply(object, (ArrayNode) yaml(patch), Provenance.UNKNOWN);

        assertThat(actual).isEqualTo(expected.get(0));
    }

    private static Arguments smp(String name, String resource, String patch) {
        return Arguments.of(name, resource, patch);
    }

    private static Arguments json(String name, String resource, String patch) {
        return Arguments.of(name, resource, patch);
    }
}
