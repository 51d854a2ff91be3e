package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed kustomization (or component) file: its fields, checked against Kustomize's field list, with the line of
 * each field for errors. Fields outside the native subset are reported as {@link UnsupportedKustomizeField}.
 * Immutable once parsed (the tree is not handed out for writing).
 */
final class KustomizationFile {
    /** The file names Kustomize recognises in a folder, in its order. */
    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "metadata", "resources", "bases",
            "components", "namespace", "namePrefix", "nameSuffix", "labels", "commonLabels", "commonAnnotations",
            "images", "imageTags", "replicas", "patches", "patchesStrategicMerge", "patchesJson6902",
            "configMapGenerator", "secretGenerator", "generatorOptions", "transformers", "sortOptions",
            "buildMetadata");
    private static final Set<String> UNSUPPORTED = Set.of("vars", "replacements", "configurations", "crds",
            "openapi", "generators", "validators", "helmCharts", "helmGlobals", "helmChartInflationGenerator");

    private final String path;
    private final String folder;
    private final ObjectNode root;
    private final Map<String, Integer> lines;

    private KustomizationFile(String path, String folder, ObjectNode root, Map<String, Integer> lines) {
        this.path = path;
        this.folder = folder;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Parses and checks a kustomization file.
     *
     * @param path the file's path in the tree
     * @param folder its folder
     * @param content its bytes
     * @return the kustomization
     * @throws ManifestException when the YAML is invalid, the file is empty, has several documents, an unknown
     *     field, or a wrong kind
     */
    static KustomizationFile parse(String path, String folder, byte[] content) {
        List<YamlDocuments.Document> documents = YamlDocuments.parse(path, content);
        if (documents.isEmpty()) {
            throw new ManifestException(Provenance.of(path, -1, -1), "the kustomization is empty");
        }
        if (documents.size() > 1) {
            throw new ManifestException(Provenance.of(path, 1, documents.get(1).line()),
                    "a kustomization file holds one YAML document, this one has " + documents.size());
        }
        YamlDocuments.Document document = documents.get(0);
        if (!document.tree().isObject()) {
            throw new ManifestException(Provenance.of(path, -1, document.line()),
                    "a kustomization must be a mapping, got " + document.tree().getNodeType());
        }
        KustomizationFile file = new KustomizationFile(path, folder, (ObjectNode) document.tree(),
                new LinkedHashMap<>(document.fieldLines()));
        file.check();
        return file;
    }

    private void check() {
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (UNSUPPORTED.contains(field)) {
                if (!isEmpty(root.get(field))) {
                    throw new UnsupportedKustomizeField(where(field), field);
                }
            } else if (field.equals("buildMetadata") && !isEmpty(root.get(field))) {
                throw new UnsupportedKustomizeField(where(field), field);
            } else if (!SUPPORTED.contains(field)) {
                throw error(field, "unknown field; Kustomize does not read it (check the spelling)");
            }
        }
        boolean empty = fields.stream().allMatch(field -> field.equals("apiVersion") || field.equals("kind")
                || root.get(field).isNull());
        if (empty) {
            throw new ManifestException(Provenance.of(path, -1, -1), "the kustomization is empty: it names no "
                    + "resources, generators or transformers");
        }
        String kind = string("kind");
        if (!kind.isEmpty() && !kind.equals("Kustomization") && !kind.equals("Component")) {
            throw error("kind", "must be Kustomization or Component, got '" + kind + "'");
        }
    }

    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || (node.isContainerNode() && node.isEmpty());
    }

    /** Returns the file's path in the tree. */
    String path() {
        return path;
    }

    /** Returns the kustomization's folder in the tree. */
    String folder() {
        return folder;
    }

    /** Returns the parsed file, for the generators; callers must not change it. */
    JsonNode tree() {
        return root;
    }

    /** Tells whether this is a {@code kind: Component}. */
    boolean isComponent() {
        return "Component".equals(string("kind"));
    }

    /** Returns where a field is, for errors and provenance. */
    Provenance where(String field) {
        Integer line = lines.get(field);
        return Provenance.of(path, -1, line == null ? -1 : line);
    }

    /** Returns an error about a field, naming this file, the field's line and the field. */
    ManifestException error(String field, String message) {
        return new ManifestException(where(field), "field '" + field + "': " + message);
    }

    /** Returns a field's value, or a missing node. */
    JsonNode node(String field) {
        return root.path(field);
    }

    /** Tells whether a field is set to something non-empty. */
    boolean has(String field) {
        return !isEmpty(root.get(field)) && !root.get(field).isMissingNode();
    }

    /**
     * Returns a string field, {@code ""} when absent.
     *
     * @throws ManifestException when it is not a string
     */
    String string(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw error(field, "must be a string, got " + describe(value) + " (quote it)");
        }
        return value.asText();
    }

    /**
     * Returns a list of strings, empty when absent.
     *
     * @throws ManifestException when it is not a list of strings
     */
    List<String> strings(String field) {
        List<String> result = new ArrayList<>();
        for (JsonNode item : list(field)) {
            if (!item.isTextual()) {
                throw error(field, "every entry must be a string, got " + describe(item));
            }
            result.add(item.asText());
        }
        return result;
    }

    private JsonNode list(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return root.arrayNode();
        }
        if (!value.isArray()) {
            throw error(field, "must be a list, got " + describe(value));
        }
        return value;
    }

    /**
     * Returns a list of mappings, empty when absent.
     *
     * @throws ManifestException when it is not a list of mappings
     */
    List<JsonNode> objects(String field) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode item : list(field)) {
            if (!item.isObject()) {
                throw error(field, "every entry must be a mapping, got " + describe(item));
            }
            result.add(item);
        }
        return result;
    }

    /**
     * Returns a mapping of strings, empty when absent.
     *
     * @throws ManifestException when it is not a mapping of strings
     */
    Map<String, String> stringMap(String field) {
        return stringMap(root.get(field), field);
    }

    /** Reads a mapping of strings found at {@code field} (or inside it). */
    Map<String, String> stringMap(JsonNode value, String field) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return result;
        }
        if (!value.isObject()) {
            throw error(field, "must be a mapping, got " + describe(value));
        }
        value.fields().forEachRemaining(entry -> {
            JsonNode v = entry.getValue();
            if (!v.isTextual() && !v.isNull()) {
                throw error(field, "the value of '" + entry.getKey() + "' must be a string, got " + describe(v)
                        + " (quote it)");
            }
            result.put(entry.getKey(), v.isNull() ? "" : v.asText());
        });
        return result;
    }

    static String describe(JsonNode value) {
        return value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                + (value.isValueNode() && !value.isNull() ? " " + value.asText() : "");
    }
}
