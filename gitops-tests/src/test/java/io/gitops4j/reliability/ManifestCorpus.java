package io.gitops4j.reliability;

import java.util.List;

/**
 * Real-looking manifests the fuzzer mutates, with Secrets whose values must never appear in an error. Each secret
 * value is long and random-looking, so that any eight characters of it in a message are a leak, not a coincidence.
 */
final class ManifestCorpus {
    /** The secret values the corpus holds, in the form they are written in the files. */
    static final List<String> SECRET_VALUES = List.of("Zq7pW3kLmX9vR2tYb8Nc", "UzNjcjN0LWh1bnRlcjItaG9yc2U=",
            "tok-5f3a9c1e77d2b4a6", "pg-Kx81mQz03LwPjeRt");

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              labels:
                app: web
              annotations:
                gitops4j.io/sync-wave: "2"
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    args: ["--port", "8080", '--verbose']
                    ports:
                    - containerPort: 8080
                      protocol: TCP
                    resources:
                      limits: {cpu: 500m, memory: 128Mi}
            """;

    static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
              namespace: shop
            type: Opaque
            data:
              password: UzNjcjN0LWh1bnRlcjItaG9yc2U=
            stringData:
              user: admin-user
              token: "tok-5f3a9c1e77d2b4a6"
              url: postgres://app:pg-Kx81mQz03LwPjeRt@db:5432/shop
              api: Zq7pW3kLmX9vR2tYb8Nc
            """;

    static final String CONFIG_AND_SERVICE = """
            # settings and their service
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
            data:
              color: blue
              script: |
                #!/bin/sh
                echo "hello"	
              anchors: &base {a: 1, b: [x, y]}
              merged:
                <<: *base
                c: 3
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
            spec:
              selector: {app: web}
              ports:
              - port: 80
                targetPort: 8080
            """;

    static final String LIST = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: one, namespace: shop}
              data: {k: v}
            - apiVersion: v1
              kind: Secret
              metadata: {name: two, namespace: shop}
              stringData: {api: Zq7pW3kLmX9vR2tYb8Nc}
            """;

    static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {plural: widgets, singular: widget, kind: Widget}
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
            """;

    static final String JSON_SECRET = """
            {"apiVersion": "v1", "kind": "Secret",
             "metadata": {"name": "json-db", "namespace": "shop"},
             "stringData": {"token": "tok-5f3a9c1e77d2b4a6", "api": "Zq7pW3kLmX9vR2tYb8Nc"},
             "data": {"password": "UzNjcjN0LWh1bnRlcjItaG9yc2U="}}
            """;

    /** The YAML files of the corpus. */
    static final List<String> YAML = List.of(DEPLOYMENT, SECRET, CONFIG_AND_SERVICE, LIST, CRD);

    private ManifestCorpus() {
    }

    /**
     * Returns the first leaked piece of a secret value in a text: any eight consecutive characters of one.
     *
     * @return the leaked piece, or {@code null}
     */
    static String leakIn(String text) {
        for (String value : SECRET_VALUES) {
            for (int i = 0; i + 8 <= value.length(); i++) {
                String piece = value.substring(i, i + 8);
                if (text.contains(piece)) {
                    return piece;
                }
            }
        }
        return null;
    }
}
