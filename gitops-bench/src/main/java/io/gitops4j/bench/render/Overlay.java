package io.gitops4j.bench.render;

import java.util.Map;
import java.util.TreeMap;

/** A Kustomize overlay of {@value #RESOURCES} resources: a base of Deployments and Services and a prod overlay. */
final class Overlay {
    static final int RESOURCES = 200;

    private Overlay() {
    }

    /** Returns path to content of the overlay's files, under {@code base/} and {@code overlays/prod/}. */
    static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        StringBuilder kustomization = new StringBuilder("resources:\n");
        for (int i = 0; i < RESOURCES / 2; i++) {
            files.put("base/app-" + i + ".yaml", app("app-" + i, 2));
            kustomization.append("  - app-").append(i).append(".yaml\n");
        }
        files.put("base/kustomization.yaml", kustomization.toString());
        files.put("overlays/prod/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: shop-prod
                namePrefix: prod-
                labels:
                  - pairs:
                      env: prod
                    includeSelectors: false
                commonAnnotations:
                  team: shop
                images:
                  - name: ghcr.io/example/web
                    newTag: 2.0.0
                resources:
                  - ../../base
                """);
        return files;
    }

    /** A Deployment and its Service. */
    static String app(String name, int replicas) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  labels:\n    app: " + name
                + "\nspec:\n  replicas: " + replicas + "\n  selector:\n    matchLabels:\n      app: " + name
                + "\n  template:\n    metadata:\n      labels:\n        app: " + name + "\n    spec:\n"
                + "      containers:\n        - name: web\n          image: ghcr.io/example/web:1.0.0\n"
                + "          ports:\n            - containerPort: 8080\n---\napiVersion: v1\nkind: Service\n"
                + "metadata:\n  name: " + name + "\nspec:\n  selector:\n    app: " + name + "\n  ports:\n"
                + "    - port: 80\n      targetPort: 8080\n";
    }
}
