package io.gitops4j.samples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a training run applies: two namespaces, each with ten ConfigMaps, Services and Deployments, so every
 * path of an ordinary apply is taken (a LIST per kind and namespace on observe, creates, then a run with nothing to
 * do). Stateless.
 */
final class TrainingManifests {
    static final int NAMESPACES = 2;
    static final int PER_KIND = 10;

    private TrainingManifests() {
    }

    /**
     * Writes the manifests, one file per object.
     *
     * @param folder an empty folder
     * @throws CommandException when a file cannot be written
     */
    static void write(Path folder) {
        for (int n = 0; n < NAMESPACES; n++) {
            String namespace = "training-" + n;
            write(folder.resolve(namespace + ".yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "
                    + namespace + "\n");
            for (int i = 0; i < PER_KIND; i++) {
                write(folder.resolve(namespace + "-objects-" + i + ".yaml"), objects(namespace, i));
            }
        }
    }

    private static String objects(String namespace, int i) {
        String meta = "  namespace: " + namespace + "\n  labels:\n    app: app-" + i + "\n";
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-" + i + "\n" + meta
                + "data:\n  greeting: hello-" + i + "\n"
                + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-" + i + "\n" + meta
                + "spec:\n  selector:\n    app: app-" + i + "\n  ports:\n    - port: 80\n      targetPort: 8080\n"
                + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-" + i + "\n" + meta
                + "spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: app-" + i + "\n"
                + "  template:\n    metadata:\n      labels:\n        app: app-" + i + "\n"
                + "    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n"
                + "          ports:\n            - containerPort: 8080\n";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new CommandException("cannot write the training manifests to " + file + ": " + e.getMessage(), e);
        }
    }
}
