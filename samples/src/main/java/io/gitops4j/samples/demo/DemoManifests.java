package io.gitops4j.samples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo app's manifests, shipped in the jar under {@code demo/v1} and {@code demo/v2}: a Namespace, a
 * ConfigMap, a Secret, a Deployment and (in v1 only) a Service. Stateless.
 */
public final class DemoManifests {
    /** The folder inside the demo repository that holds the manifests. */
    public static final String REPOSITORY_FOLDER = "deploy/shop";
    /** The namespace the demo app lives in. */
    static final String NAMESPACE = "demo-shop";
    /** The demo Deployment's name. */
    static final String DEPLOYMENT = "shop";

    private static final List<String> FILES = List.of("00-namespace.yaml", "10-config.yaml", "20-secret.yaml",
            "30-deployment.yaml", "40-service.yaml");

    private DemoManifests() {
    }

    /**
     * Describes the file changes between two versions, like {@code git show --stat} names them.
     *
     * @param from the earlier version
     * @param to the later version
     * @return e.g. {@code changed 10-config.yaml, 30-deployment.yaml; removed 40-service.yaml}
     */
    static String changes(String from, String to) {
        Map<String, String> before = version(from);
        Map<String, String> after = version(to);
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        before.forEach((path, text) -> {
            if (!after.containsKey(path)) {
                removed.add(fileName(path));
            } else if (!after.get(path).equals(text)) {
                changed.add(fileName(path));
            }
        });
        after.keySet().stream().filter(path -> !before.containsKey(path)).forEach(path -> added.add(fileName(path)));
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add("changed " + String.join(", ", changed));
        }
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        return String.join("; ", parts);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Writes one version of the app into a folder, one YAML file per resource.
     *
     * @param version {@code v1} or {@code v2}
     * @param folder the folder, created when missing; files of the other version are not removed
     * @return the folder
     * @throws UncheckedIOException when the folder cannot be written
     */
    public static Path writeTo(String version, Path folder) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> file : version(version).entrySet()) {
                Files.writeString(folder.resolve(fileName(file.getKey())), file.getValue(), StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo manifests to " + folder, e);
        }
    }

    /**
     * Reads one version of the app.
     *
     * @param version {@code v1} or {@code v2}
     * @return repository path ({@value #REPOSITORY_FOLDER}/...) to YAML text, for the files that version has
     */
    public static Map<String, String> version(String version) {
        Map<String, String> files = new TreeMap<>();
        for (String file : FILES) {
            String resource = "/demo/" + version + "/" + file;
            try (InputStream in = DemoManifests.class.getResourceAsStream(resource)) {
                if (in != null) {
                    files.put(REPOSITORY_FOLDER + "/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the demo manifest " + resource + " from the jar", e);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("the demo manifests of " + version + " are missing from the classpath");
        }
        return files;
    }
}
