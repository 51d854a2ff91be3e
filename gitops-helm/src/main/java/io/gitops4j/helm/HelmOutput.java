package io.gitops4j.helm;

import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the output of {@code helm template}: documents separated by {@code ---}, each preceded by a
 * {@code # Source: <chart>/templates/<file>} comment, which becomes the provenance {@code helm:<chart>/templates/<file>}
 * of what it declares. Stateless.
 */
final class HelmOutput {
    private static final String SOURCE = "# Source: ";

    private HelmOutput() {
    }

    /** Returns every object of the output, in output order. */
    static List<Resource> parse(String output, ManifestLoader loader) {
        List<Resource> resources = new ArrayList<>();
        StringBuilder document = new StringBuilder();
        String source = "helm:output.yaml";
        for (String line : output.split("\n", -1)) {
            if (line.equals("---") || line.startsWith("--- ")) {
                flush(document, source, loader, resources);
                source = "helm:output.yaml";
                continue;
            }
            if (line.startsWith(SOURCE) && document.toString().isBlank()) {
                source = "helm:" + line.substring(SOURCE.length()).trim();
            }
            document.append(line).append('\n');
        }
        flush(document, source, loader, resources);
        return resources;
    }

    private static void flush(StringBuilder document, String source, ManifestLoader loader, List<Resource> out) {
        if (!document.toString().isBlank()) {
            String path = source.endsWith(".yaml") || source.endsWith(".yml") ? source : source + ".yaml";
            out.addAll(loader.parse(path, document.toString().getBytes(StandardCharsets.UTF_8)));
        }
        document.setLength(0);
    }
}
