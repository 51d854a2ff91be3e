package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the kubeconfig as kubectl does and checks the context before any client is built: {@code --kubeconfig
 * FILE}, else every file of {@code $KUBECONFIG} (a list separated like {@code PATH}; missing files are skipped),
 * else {@code ~/.kube/config}. Several files are merged by kubectl's rules: the first file to name a cluster, user,
 * context or the current context wins, and relative file paths are resolved against the file that holds them.
 * Stateless.
 */
final class Kubeconfigs {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final List<String> SECTIONS = List.of("clusters", "users", "contexts");
    private static final List<String> FILE_FIELDS = List.of("certificate-authority", "client-certificate",
            "client-key", "tokenFile");

    private Kubeconfigs() {
    }

    /**
     * Returns the kubeconfig files to read, in order.
     *
     * @param explicit {@code --kubeconfig}, or {@code null}
     * @param environment where {@code KUBECONFIG} and {@code HOME} come from
     * @return one file or more
     * @throws CommandException when {@code $KUBECONFIG} names no file that exists
     */
    static List<Path> files(Path explicit, CliEnvironment environment) {
        if (explicit != null) {
            return List.of(explicit);
        }
        String list = environment.variable("KUBECONFIG").orElse(null);
        if (list == null) {
            String home = environment.variable("HOME").orElse(System.getProperty("user.home"));
            return List.of(Path.of(home, ".kube", "config"));
        }
        List<Path> existing = new ArrayList<>();
        for (String entry : list.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.isRegularFile(Path.of(entry))) {
                existing.add(Path.of(entry));
            }
        }
        if (existing.isEmpty()) {
            throw new CommandException("$KUBECONFIG (" + list + ") names no kubeconfig file that exists; fix it or "
                    + "pass --kubeconfig FILE");
        }
        return List.copyOf(existing);
    }

    /**
     * Reads and merges kubeconfig files.
     *
     * @param files the files, first wins
     * @return the merged kubeconfig
     * @throws CommandException when a file cannot be read or is not a kubeconfig
     */
    static ObjectNode merge(List<Path> files) {
        ObjectNode merged = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Config");
        for (Path file : files) {
            JsonNode config = read(file);
            for (String section : SECTIONS) {
                mergeSection(merged.withArray(section), config.path(section), file);
            }
            String current = config.path("current-context").asText("");
            if (!current.isEmpty() && !merged.has("current-context")) {
                merged.put("current-context", current);
            }
            if (config.has("preferences") && !merged.has("preferences")) {
                merged.set("preferences", config.get("preferences"));
            }
        }
        return merged;
    }

    /**
     * Returns the context a command uses, after checking it exists.
     *
     * @param config the merged kubeconfig
     * @param context {@code --context}, or {@code null} for the current context
     * @param source how the files were found, for the message
     * @return the context's name
     * @throws CommandException naming the available contexts when the context does not exist or none is set
     */
    static String context(ObjectNode config, String context, String source) {
        Set<String> available = new LinkedHashSet<>();
        config.path("contexts").forEach(entry -> available.add(entry.path("name").asText()));
        String chosen = context != null ? context : config.path("current-context").asText("");
        String listed = available.isEmpty() ? "it defines no contexts" : "available contexts: "
                + String.join(", ", available);
        if (chosen.isEmpty()) {
            throw new CommandException("kubeconfig " + source + " sets no current context; pass --context NAME ("
                    + listed + ")");
        }
        if (!available.contains(chosen)) {
            throw new CommandException((context != null ? "--context " : "current context ") + chosen
                    + " is not in kubeconfig " + source + "; " + listed);
        }
        return chosen;
    }

    /**
     * Returns the server URL of a context's cluster.
     *
     * @param config the merged kubeconfig
     * @param context the context's name (one {@link #context} checked)
     * @return the URL, or "" when the context's cluster or its server is not there
     */
    static String server(ObjectNode config, String context) {
        String cluster = named(config.path("contexts"), context).path("context").path("cluster").asText("");
        return named(config.path("clusters"), cluster).path("cluster").path("server").asText("");
    }

    private static JsonNode named(JsonNode entries, String name) {
        for (JsonNode entry : entries) {
            if (name.equals(entry.path("name").asText(null))) {
                return entry;
            }
        }
        return MissingNode.getInstance();
    }

    /**
     * Writes a merged kubeconfig readable only by its owner.
     *
     * @param config the merged kubeconfig
     * @param folder where to write it
     * @return the file
     * @throws CommandException when it cannot be written
     */
    static Path write(ObjectNode config, Path folder) {
        Path file = folder.resolve("kubeconfig.yaml");
        try {
            if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(file, YAML.writeValueAsBytes(config));
            return file;
        } catch (IOException e) {
            throw new CommandException("cannot write the merged kubeconfig to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path file) {
        if (!Files.isReadable(file)) {
            throw new CommandException("cannot read kubeconfig " + file + ": no such readable file; check the path "
                    + "and its permissions, or pass --kubeconfig FILE");
        }
        try {
            JsonNode config = YAML.readTree(file.toFile());
            if (config == null || config.isMissingNode() || config.isNull()) {
                return YAML.createObjectNode();
            }
            if (!config.isObject()) {
                throw new CommandException("kubeconfig " + file + " is not a kubeconfig: expected a YAML mapping");
            }
            return config;
        } catch (IOException e) {
            throw new CommandException("cannot parse kubeconfig " + file + ": " + e.getMessage(), e);
        }
    }

    private static void mergeSection(ArrayNode merged, JsonNode entries, Path file) {
        Set<String> names = new LinkedHashSet<>();
        merged.forEach(entry -> names.add(entry.path("name").asText()));
        for (JsonNode entry : entries) {
            if (entry.isObject() && names.add(entry.path("name").asText())) {
                merged.add(absolutePaths((ObjectNode) entry.deepCopy(), file));
            }
        }
    }

    /** Resolves the relative file paths of an entry's body (cluster or user) against its file's folder. */
    private static ObjectNode absolutePaths(ObjectNode entry, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        for (JsonNode body : List.of(entry.path("cluster"), entry.path("user"))) {
            if (body instanceof ObjectNode fields) {
                for (String field : FILE_FIELDS) {
                    String value = fields.path(field).asText("");
                    if (!value.isEmpty() && !Path.of(value).isAbsolute()) {
                        fields.put(field, folder.resolve(value).normalize().toString());
                    }
                }
            }
        }
        return entry;
    }
}
