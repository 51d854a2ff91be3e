package io.gitops4j.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes ConfigMap manifests into a folder a {@code DirectorySource} reads. */
final class Manifests {
    private Manifests() {
    }

    static void configMap(Path folder, String name, String value) {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: shop\n"
                + "data:\n  v: '" + value + "'\n";
        try {
            Files.writeString(folder.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void remove(Path folder, String name) {
        try {
            Files.delete(folder.resolve(name + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
