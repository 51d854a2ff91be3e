package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import io.gitops4j.render.FolderTree;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.RenderSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small repository trees for tests and renders them natively. */
final class TestTrees {
    private TestTrees() {
    }

    /** Writes files given as path, content, path, content, ... under {@code root}. */
    static Path write(Path root, String... pathsAndContents) {
        try {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                Path file = root.resolve(pathsAndContents[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, pathsAndContents[i + 1], StandardCharsets.UTF_8);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders a folder of the tree at {@code root} with default settings. */
    static List<ObjectNode> render(Path root, String folder) {
        return render(root, folder, RenderSettings.defaults());
    }

    /** Renders a folder of the tree at {@code root}. */
    static List<ObjectNode> render(Path root, String folder, RenderSettings settings) {
        RenderRequest request = new RenderRequest(FolderTree.of(root), folder, settings, ManifestLoader.defaults());
        List<ObjectNode> bodies = new ArrayList<>();
        for (Resource resource : new KustomizeRenderer().render(request).resources()) {
            bodies.add(resource.body());
        }
        return bodies;
    }

    /** Returns {@code kind/name} of each body. */
    static List<String> ids(List<ObjectNode> bodies) {
        List<String> ids = new ArrayList<>();
        for (ObjectNode body : bodies) {
            String namespace = body.path("metadata").path("namespace").asText("");
            ids.add(body.path("kind").asText() + "/" + (namespace.isEmpty() ? "" : namespace + "/")
                    + body.path("metadata").path("name").asText());
        }
        return ids;
    }
}
