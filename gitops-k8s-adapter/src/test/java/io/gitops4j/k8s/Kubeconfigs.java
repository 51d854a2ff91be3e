package io.gitops4j.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kubeconfig files for test servers. */
final class Kubeconfigs {
    private Kubeconfigs() {
    }

    /** Writes a kubeconfig naming one plain-HTTP server, no credentials, namespace {@code default}. */
    static Path write(Path file, String server) {
        String config = String.join("\n", "apiVersion: v1", "kind: Config",
                "clusters: [{name: test, cluster: {server: \"" + server + "\"}}]",
                "contexts: [{name: test, context: {cluster: test, user: nobody, namespace: default}}]",
                "current-context: test", "users: [{name: nobody, user: {}}]", "");
        try {
            return Files.writeString(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a kubeconfig to " + file, e);
        }
    }
}
