package io.gitops4j.kustomize.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code kubectl kustomize} on a folder written for the test, as the fidelity oracle. Tests call
 * {@link #available()} in an assumption so they skip, with a message, where kubectl is not installed.
 */
public final class KubectlKustomize {
    /** The kubectl binary the fidelity tests use. */
    public static final Path KUBECTL = Path.of("/usr/bin/kubectl");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubectlKustomize() {
    }

    /**
     * Tells whether kubectl is installed.
     *
     * @return {@code true} when {@code /usr/bin/kubectl} is executable
     */
    public static boolean available() {
        return Files.isExecutable(KUBECTL);
    }

    /**
     * Parses one YAML document.
     *
     * @param yaml the text
     * @return the tree
     */
    public static JsonNode yaml(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses one YAML document that is a map.
     *
     * @param yaml the text
     * @return the map
     */
    public static ObjectNode object(String yaml) {
        return (ObjectNode) yaml(yaml);
    }

    /**
     * Writes the files into {@code folder} and runs {@code kubectl kustomize} on it.
     *
     * @param folder an empty folder
     * @param files file name to content, {@code kustomization.yaml} included
     * @return the documents printed, or the error text as a single-entry list prefixed {@code ERROR:}
     */
    public static List<JsonNode> build(Path folder, Map<String, byte[]> files) {
        return build(folder, files, "");
    }

    /**
     * Writes the files into {@code folder} and runs {@code kubectl kustomize} on one of its sub-folders.
     *
     * @param folder an empty folder
     * @param files file path to content
     * @param built the sub-folder to build, {@code ""} for {@code folder} itself
     * @return the documents printed, or the error text as a single-entry list prefixed {@code ERROR:}
     */
    public static List<JsonNode> build(Path folder, Map<String, byte[]> files, String built) {
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = folder.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            Process process = new ProcessBuilder(KUBECTL.toString(), "kustomize", folder.resolve(built).toString())
                    .redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return List.of(YAML.getNodeFactory().textNode("ERROR:" + new String(err, StandardCharsets.UTF_8)));
            }
            List<JsonNode> documents = new ArrayList<>();
            YAML.readerFor(JsonNode.class).<JsonNode>readValues(out).forEachRemaining(d -> {
                if (d != null && !d.isMissingNode() && !d.isNull()) {
                    documents.add(d);
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

    /**
     * Returns text as UTF-8 bytes, for {@link #build}.
     *
     * @param text the text
     * @return its bytes
     */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
