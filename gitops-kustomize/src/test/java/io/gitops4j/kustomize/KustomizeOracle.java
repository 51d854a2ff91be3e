package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gitops4j.kustomize.fidelity.KubectlKustomize;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import io.gitops4j.render.FolderTree;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.RenderSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a folder both ways, natively and with the real {@code kubectl kustomize}, as canonical JSON texts (keys
 * sorted) in output order, so a fidelity test compares objects, values and order.
 */
final class KustomizeOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KustomizeOracle() {
    }

    /** Renders {@code folder} of the tree at {@code root} natively. */
    static List<String> nativeRender(Path root, String folder) {
        return nativeRender(root, folder, RenderSettings.defaults());
    }

    /** Renders {@code folder} of the tree at {@code root} natively with settings. */
    static List<String> nativeRender(Path root, String folder, RenderSettings settings) {
        RenderRequest request = new RenderRequest(FolderTree.of(root), folder, settings, ManifestLoader.defaults());
        List<String> result = new ArrayList<>();
        for (Resource resource : new KustomizeRenderer().render(request).resources()) {
            result.add(canonical(resource.body()));
        }
        return result;
    }

    /** Renders a folder with {@code kubectl kustomize}; the only entry starts with {@code ERROR:} when it fails. */
    static List<String> kubectl(Path folder) {
        try {
            Process process = new ProcessBuilder(KubectlKustomize.KUBECTL.toString(), "kustomize", folder.toString())
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return List.of("ERROR:" + new String(err, StandardCharsets.UTF_8));
            }
            List<String> documents = new ArrayList<>();
            YAML.readerFor(JsonNode.class).<JsonNode>readValues(out).forEachRemaining(d -> {
                if (d != null && !d.isMissingNode() && !d.isNull()) {
                    documents.add(canonical(d));
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Returns a tree as JSON with sorted keys; numbers compare by value. */
    static String canonical(JsonNode node) {
        try {
            return JSON.writeValueAsString(JSON.convertValue(node, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
