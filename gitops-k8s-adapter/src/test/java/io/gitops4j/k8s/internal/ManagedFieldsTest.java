package io.gitops4j.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** Reconstructing what a field manager applied from {@code managedFields} shaped like a real API server's. */
class ManagedFieldsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A Deployment applied by gitops4j, scaled by an HPA-like manager, defaulted and updated by the controller. */
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              generation: 2
              labels: {app: web, team: shop}
              annotations:
                deployment.kubernetes.io/revision: "1"
                gitops4j.io/tracking-id: "shop:apps/Deployment:shop/web"
              managedFields:
              - manager: gitops4j
                operation: Apply
                apiVersion: apps/v1
                time: "2026-11-25T09:00:00Z"
                fieldsType: FieldsV1
                fieldsV1:
                  f:metadata:
                    f:annotations:
                      f:gitops4j.io/tracking-id: {}
                    f:labels:
                      f:app: {}
                  f:spec:
                    f:selector: {}
                    f:template:
                      f:metadata:
                        f:labels:
                          f:app: {}
                      f:spec:
                        f:containers:
                          k:{"name":"web"}:
                            .: {}
                            f:image: {}
                            f:name: {}
                            f:ports:
                              k:{"containerPort":8080,"protocol":"TCP"}:
                                .: {}
                                f:containerPort: {}
                                f:protocol: {}
                        f:tolerations:
                          v:{"key":"spot","operator":"Exists"}: {}
              - manager: autoscaler
                operation: Update
                apiVersion: apps/v1
                fieldsType: FieldsV1
                fieldsV1:
                  f:spec:
                    f:replicas: {}
              - manager: kube-controller-manager
                operation: Update
                subresource: status
                apiVersion: apps/v1
                fieldsType: FieldsV1
                fieldsV1:
                  f:status:
                    f:replicas: {}
            spec:
              replicas: 5
              revisionHistoryLimit: 10
              progressDeadlineSeconds: 600
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  dnsPolicy: ClusterFirst
                  tolerations:
                  - {key: dedicated, operator: Equal, value: db}
                  - {key: spot, operator: Exists}
                  containers:
                  - name: sidecar
                    image: envoy:1.32
                  - name: web
                    image: nginx:1.27
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    ports:
                    - {containerPort: 8080, protocol: TCP}
                    - {containerPort: 9090, protocol: TCP}
            status:
              replicas: 5
            """;

    @Test
    void keepsExactlyTheFieldsTheManagerApplied() throws Exception {
        JsonNode live = YAML.readTree(DEPLOYMENT);

        ObjectNode applied = ManagedFields.lastApplied(live, "gitops4j").orElseThrow();

        JsonNode expected = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                  annotations: {gitops4j.io/tracking-id: "shop:apps/Deployment:shop/web"}
                  labels: {app: web}
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      tolerations:
                      - {key: spot, operator: Exists}
                      containers:
                      - name: web
                        image: nginx:1.27
                        ports:
                        - {containerPort: 8080, protocol: TCP}
                """);
        assertThat(applied).isEqualTo(expected);
    }

    @Test
    void isEmptyForAManagerThatNeverApplied() throws Exception {
        JsonNode live = YAML.readTree(DEPLOYMENT);

        assertThat(ManagedFields.lastApplied(live, "autoscaler")).isEmpty();
        assertThat(ManagedFields.lastApplied(live, "kubectl")).isEmpty();
    }

    @Test
    void skipsOwnedFieldsThatAreNoLongerLive() throws Exception {
        ObjectNode live = (ObjectNode) YAML.readTree(DEPLOYMENT);
        ((ObjectNode) live.get("metadata")).remove("annotations");

        ObjectNode applied = ManagedFields.lastApplied(live, "gitops4j").orElseThrow();

        assertThat(applied.at("/metadata/annotations").isMissingNode()).isTrue();
        assertThat(applied.at("/metadata/labels/app").asText()).isEqualTo("web");
    }
}
