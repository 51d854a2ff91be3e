package io.gitops4j.bench.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the manifest folders the apply benchmarks use: {@code folder305} (5 Namespaces, 100 ConfigMaps, 100
 * Services and 100 Deployments spread over them) and {@code argocd} (the shape of Argo CD's install.yaml: 59
 * objects in namespace {@code argocd}, among them 3 large CustomResourceDefinitions). File names sort the Namespaces
 * and CRDs first, so that {@code kubectl apply -f} (which goes by file name) can apply the folder in one go.
 */
public final class BenchManifests {
    /** The namespace the Argo CD shape installs into; it must exist before the apply, as for Argo CD. */
    public static final String ARGOCD_NAMESPACE = "argocd";

    private BenchManifests() {
    }

    /**
     * Writes a shape's manifests into a new temporary folder.
     *
     * @param shape {@code folder305} or {@code argocd}
     * @return the folder
     */
    public static Path write(String shape) {
        try {
            Path dir = Files.createTempDirectory("gitops4j-bench-" + shape + "-");
            if (shape.equals("folder305")) {
                folder305(dir);
            } else if (shape.equals("argocd")) {
                argocd(dir);
            } else {
                throw new IllegalArgumentException("unknown shape " + shape + "; use folder305 or argocd");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns how many objects a shape declares. */
    static int size(String shape) {
        return shape.equals("folder305") ? 305 : 59;
    }

    private static void folder305(Path dir) throws IOException {
        for (int n = 0; n < 5; n++) {
            Files.writeString(dir.resolve("0-namespace-" + n + ".yaml"),
                    "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bench-" + n + "\n");
        }
        for (int i = 0; i < 100; i++) {
            String ns = "bench-" + (i % 5);
            Files.writeString(dir.resolve("configmap-" + i + ".yaml"), configMap("cm-" + i, ns, i));
            Files.writeString(dir.resolve("service-" + i + ".yaml"), service("svc-" + i, ns, "app-" + i));
            Files.writeString(dir.resolve("deployment-" + i + ".yaml"), deployment("app-" + i, ns));
        }
    }

    private static void argocd(Path dir) throws IOException {
        String ns = ARGOCD_NAMESPACE;
        Files.writeString(dir.resolve("0-crd-applications.yaml"), crd("Application", "applications", 900));
        Files.writeString(dir.resolve("0-crd-applicationsets.yaml"), crd("ApplicationSet", "applicationsets", 1100));
        Files.writeString(dir.resolve("0-crd-appprojects.yaml"), crd("AppProject", "appprojects", 120));
        String[] components = {"application-controller", "applicationset-controller", "dex-server",
            "notifications-controller", "redis", "repo-server", "server"};
        int count = 3;
        for (String component : components) {
            Files.writeString(dir.resolve("sa-" + component + ".yaml"), "apiVersion: v1\nkind: ServiceAccount\n"
                    + "metadata:\n  name: argocd-" + component + "\n  namespace: " + ns + "\n");
            Files.writeString(dir.resolve("role-" + component + ".yaml"), role("argocd-" + component, ns));
            Files.writeString(dir.resolve("rolebinding-" + component + ".yaml"), roleBinding("argocd-" + component, ns));
            count += 3;
        }
        for (int c = 0; c < 5; c++) {
            Files.writeString(dir.resolve("networkpolicy-" + components[c] + ".yaml"),
                    networkPolicy("argocd-" + components[c], ns));
            count++;
        }
        for (String component : new String[] {"application-controller", "applicationset-controller", "server"}) {
            Files.writeString(dir.resolve("clusterrole-" + component + ".yaml"), "apiVersion: rbac.authorization.k8s.io/v1\n"
                    + "kind: ClusterRole\nmetadata:\n  name: argocd-" + component + "\nrules:\n- apiGroups: ['*']\n"
                    + "  resources: ['*']\n  verbs: ['*']\n");
            Files.writeString(dir.resolve("clusterrolebinding-" + component + ".yaml"),
                    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: argocd-"
                    + component + "\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: argocd-"
                    + component + "\nsubjects:\n- kind: ServiceAccount\n  name: argocd-" + component + "\n  namespace: "
                    + ns + "\n");
            count += 2;
        }
        String[] configMaps = {"cm", "cmd-params-cm", "gpg-keys-cm", "notifications-cm", "rbac-cm", "ssh-known-hosts-cm",
            "tls-certs-cm"};
        for (int i = 0; i < configMaps.length; i++) {
            Files.writeString(dir.resolve("configmap-" + configMaps[i] + ".yaml"), configMap("argocd-" + configMaps[i], ns,
                    i));
            count++;
        }
        for (String secret : new String[] {"notifications-secret", "secret"}) {
            Files.writeString(dir.resolve("secret-" + secret + ".yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n"
                    + "  name: argocd-" + secret + "\n  namespace: " + ns + "\ntype: Opaque\n");
            count++;
        }
        String[] services = {"applicationset-controller", "dex-server", "metrics", "notifications-controller-metrics",
            "redis", "repo-server", "server", "server-metrics"};
        for (String service : services) {
            Files.writeString(dir.resolve("service-" + service + ".yaml"), service("argocd-" + service, ns,
                    "argocd-" + service));
            count++;
        }
        String[] deployments = {"applicationset-controller", "dex-server", "notifications-controller", "redis",
            "repo-server", "server"};
        for (String deployment : deployments) {
            Files.writeString(dir.resolve("deployment-" + deployment + ".yaml"), deployment("argocd-" + deployment, ns));
            count++;
        }
        Files.writeString(dir.resolve("statefulset-application-controller.yaml"), deployment(
                "argocd-application-controller", ns).replace("kind: Deployment", "kind: StatefulSet")
                .replace("spec:\n  replicas: 1\n", "spec:\n  replicas: 1\n  serviceName: argocd-application-controller\n"));
        count++;
        if (count != 59) {
            throw new IllegalStateException("the Argo CD shape has " + count + " objects, not 59");
        }
    }

    private static String configMap(String name, String ns, int i) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\n  labels:\n"
                + "    app: " + name + "\ndata:\n  key: value-" + i + "\n  other: some longer configuration text " + i
                + "\n";
    }

    private static String service(String name, String ns, String app) {
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\n  labels:\n"
                + "    app: " + app + "\nspec:\n  selector:\n    app: " + app + "\n  ports:\n  - name: http\n"
                + "    port: 80\n    targetPort: 8080\n";
    }

    private static String deployment(String name, String ns) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\n"
                + "  labels:\n    app: " + name + "\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: "
                + name + "\n  template:\n    metadata:\n      labels:\n        app: " + name + "\n    spec:\n"
                + "      containers:\n      - name: main\n        image: nginx:1.25\n        ports:\n"
                + "        - containerPort: 8080\n        resources:\n          requests:\n            cpu: 10m\n"
                + "            memory: 16Mi\n";
    }

    private static String role(String name, String ns) {
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\nrules:\n- apiGroups: ['']\n  resources: [secrets, configmaps]\n  verbs: [get, list, watch]\n";
    }

    private static String roleBinding(String name, String ns) {
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: " + name
                + "\n  namespace: " + ns + "\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: "
                + name + "\nsubjects:\n- kind: ServiceAccount\n  name: " + name + "\n";
    }

    private static String networkPolicy(String name, String ns) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " + name + "-network-policy\n"
                + "  namespace: " + ns + "\nspec:\n  podSelector:\n    matchLabels:\n      app: " + name + "\n"
                + "  policyTypes:\n  - Ingress\n  ingress:\n  - {}\n";
    }

    /** A CRD whose schema has {@code fields} documented properties over a few levels, as Argo CD's large ones. */
    private static String crd(String kind, String plural, int fields) {
        StringBuilder schema = new StringBuilder();
        for (int f = 0; f < fields; f++) {
            schema.append("                field").append(f).append(":\n")
                    .append("                  description: Field ").append(f).append(" of the ").append(kind)
                    .append(" spec; a long description as generated from the Go types, which makes the definition")
                    .append(" large, as Argo CD's are.\n")
                    .append("                  type: object\n")
                    .append("                  properties:\n")
                    .append("                    name:\n                      type: string\n")
                    .append("                    value:\n                      type: string\n");
        }
        return "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: " + plural
                + ".argoproj.io\n  labels:\n    app.kubernetes.io/part-of: argocd\nspec:\n  group: argoproj.io\n"
                + "  names:\n    kind: " + kind + "\n    listKind: " + kind + "List\n    plural: " + plural + "\n"
                + "    singular: " + kind.toLowerCase(java.util.Locale.ROOT) + "\n  scope: Namespaced\n  versions:\n"
                + "  - name: v1alpha1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n"
                + "        type: object\n        properties:\n          spec:\n            type: object\n"
                + "            properties:\n" + schema
                + "          status:\n            type: object\n            x-kubernetes-preserve-unknown-fields: true\n";
    }
}
