package io.gitops4j.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gitops4j.model.Provenance;
import io.gitops4j.model.Resource;
import java.io.UncheckedIOException;

/** Builds resources from YAML text in tests. */
final class Manifests {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Resource resource(String yaml) {
        return Resource.of(tree(yaml), Provenance.of("test/manifest.yaml", 0, 1));
    }

    static Resource configMap(String namespace, String name, String key, String value) {
        return resource("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  namespace: %s
                  annotations:
                    gitops4j.io/tracking-id: "test:/ConfigMap:%s/%s"
                data:
                  %s: "%s"
                """.formatted(name, namespace, namespace, name, key, value));
    }

    /** The status the Deployment controller writes once a rollout of {@code replicas} is complete. */
    static JsonNode availableDeploymentStatus(long generation, int replicas) {
        return tree("""
                observedGeneration: %d
                replicas: %d
                updatedReplicas: %d
                readyReplicas: %d
                availableReplicas: %d
                conditions:
                - {type: Available, status: "True", reason: MinimumReplicasAvailable}
                - {type: Progressing, status: "True", reason: NewReplicaSetAvailable}
                """.formatted(generation, replicas, replicas, replicas, replicas));
    }

    static Resource namespace(String name) {
        return resource("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                  labels:
                    gitops4j.io/test: "true"
                """.formatted(name));
    }

    static Resource deployment(String namespace, String name, String image, int replicas) {
        return resource("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: %s
                  labels:
                    app: %s
                spec:
                  replicas: %d
                  selector:
                    matchLabels:
                      app: %s
                  template:
                    metadata:
                      labels:
                        app: %s
                    spec:
                      containers:
                      - name: web
                        image: %s
                        ports:
                        - containerPort: 8080
                          protocol: TCP
                """.formatted(name, namespace, name, replicas, name, name, image));
    }
}
