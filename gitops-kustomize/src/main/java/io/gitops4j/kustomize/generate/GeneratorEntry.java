package io.gitops4j.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One entry of {@code configMapGenerator} or {@code secretGenerator}, turned into its object: the key-value sources
 * read, the options (the entry's own over the kustomization's {@code generatorOptions}) applied.
 */
final class GeneratorEntry {
    private static final Set<String> FIELDS = Set.of("name", "namespace", "behavior", "literals", "files", "envs",
            "env", "options");
    private static final Set<String> OPTION_FIELDS = Set.of("labels", "annotations", "disableNameSuffixHash",
            "immutable");
    private static final Set<String> BEHAVIORS = Set.of("create", "merge", "replace");

    private final boolean secret;
    private final JsonNode entry;
    private final String field;
    private final Provenance where;

    GeneratorEntry(boolean secret, JsonNode entry, String field, Provenance where) {
        this.secret = secret;
        this.entry = entry;
        this.field = field;
        this.where = where;
    }

    GeneratedObject generate(JsonNode globalOptions, RepositoryFiles files) {
        if (!entry.isObject()) {
            throw new ManifestException(where, field + " must be a map with at least a name");
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name) && !(secret && name.equals("type"))) {
                throw new ManifestException(where, "unknown field '" + field + "." + name + "'");
            }
        }
        String name = text("name").filter(n -> !n.isEmpty()).orElseThrow(() -> new ManifestException(where,
                field + ".name is missing"));
        String behavior = text("behavior").filter(b -> !b.isEmpty()).orElse("create");
        if (!BEHAVIORS.contains(behavior)) {
            throw new ManifestException(where, field + ".behavior '" + behavior
                    + "' is unknown; expected create, merge or replace");
        }
        Map<String, String> data = new TreeMap<>();
        Map<String, String> binaryData = new TreeMap<>();
        for (KeyValues.Pair pair : pairs(files)) {
            if (data.containsKey(pair.key()) || binaryData.containsKey(pair.key())) {
                throw new ManifestException(where, field + ": " + (secret ? "secret " : "configmap ") + name
                        + " illegally repeats the key `" + pair.key() + "`");
            }
            Optional<String> text = KeyValues.utf8(pair.value());
            if (secret) {
                data.put(pair.key(), wrappedBase64(pair.value()));
            } else if (text.isPresent()) {
                data.put(pair.key(), text.get());
            } else {
                binaryData.put(pair.key(), wrappedBase64(pair.value()));
            }
        }
        Options options = options(entry.get("options"), field + ".options").over(
                options(globalOptions, "generatorOptions"));
        ObjectNode object = object(name, options, data, binaryData);
        return new GeneratedObject(object, behavior, !options.disableNameSuffixHash());
    }

    /**
     * Base64 as Kustomize writes generated values: once the encoding is 70 characters or longer, it is cut into
     * lines of 70, each ended by a newline; shorter encodings stay on one line. The hash suffix covers this text.
     */
    static String wrappedBase64(byte[] value) {
        String encoded = Base64.getEncoder().encodeToString(value);
        if (encoded.length() < 70) {
            return encoded;
        }
        StringBuilder wrapped = new StringBuilder(encoded.length() + encoded.length() / 70 + 1);
        for (int i = 0; i < encoded.length(); i += 70) {
            wrapped.append(encoded, i, Math.min(encoded.length(), i + 70)).append('\n');
        }
        return wrapped.toString();
    }

    private ObjectNode object(String name, Options options, Map<String, String> data,
            Map<String, String> binaryData) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode object = json.objectNode();
        object.put("apiVersion", "v1");
        object.put("kind", secret ? "Secret" : "ConfigMap");
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", text("name").orElseThrow());
        text("namespace").filter(n -> !n.isEmpty()).ifPresent(ns -> metadata.put("namespace", ns));
        putMap(metadata, "labels", options.labels());
        putMap(metadata, "annotations", options.annotations());
        if (secret) {
            object.put("type", text("type").filter(t -> !t.isEmpty()).orElse("Opaque"));
        }
        putMap(object, "data", data);
        putMap(object, "binaryData", binaryData);
        if (options.immutable()) {
            object.put("immutable", true);
        }
        return object;
    }

    private static void putMap(ObjectNode parent, String name, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode map = parent.putObject(name);
            new TreeMap<>(values).forEach(map::put);
        }
    }

    private List<KeyValues.Pair> pairs(RepositoryFiles files) {
        List<KeyValues.Pair> pairs = new ArrayList<>();
        List<String> envs = strings("envs");
        text("env").filter(e -> !e.isEmpty()).ifPresent(env -> {
            String at = field + ".env";
            pairs.addAll(KeyValues.envFile(env, at, files, where));
        });
        for (int i = 0; i < envs.size(); i++) {
            pairs.addAll(KeyValues.envFile(envs.get(i), field + ".envs[" + i + "]", files, where));
        }
        List<String> literals = strings("literals");
        for (int i = 0; i < literals.size(); i++) {
            pairs.add(KeyValues.literal(literals.get(i), field + ".literals[" + i + "]", where));
        }
        List<String> sources = strings("files");
        for (int i = 0; i < sources.size(); i++) {
            pairs.add(KeyValues.file(sources.get(i), field + ".files[" + i + "]", files, where));
        }
        return pairs;
    }

    private Optional<String> text(String name) {
        JsonNode value = entry.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw new ManifestException(where, field + "." + name + " must be a string");
        }
        return Optional.of(value.asText());
    }

    private List<String> strings(String name) {
        JsonNode value = entry.get(name);
        List<String> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (!value.isArray()) {
            throw new ManifestException(where, field + "." + name + " must be a list of strings");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isValueNode() || value.get(i).isNull()) {
                throw new ManifestException(where, field + "." + name + "[" + i + "] must be a string");
            }
            values.add(value.get(i).asText());
        }
        return values;
    }

    private Options options(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Options.NONE;
        }
        if (!node.isObject()) {
            throw new ManifestException(where, at + " must be a map");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!OPTION_FIELDS.contains(name)) {
                throw new ManifestException(where, "unknown field '" + at + "." + name
                        + "'; expected labels, annotations, disableNameSuffixHash or immutable");
            }
        }
        return new Options(stringMap(node.get("labels"), at + ".labels"),
                stringMap(node.get("annotations"), at + ".annotations"),
                flag(node.get("disableNameSuffixHash"), at + ".disableNameSuffixHash"),
                flag(node.get("immutable"), at + ".immutable"));
    }

    private Map<String, String> stringMap(JsonNode node, String at) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw new ManifestException(where, at + " must be a map of strings");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw new ManifestException(where, at + "." + e.getKey() + " must be a string");
            }
            map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        });
        return map;
    }

    private boolean flag(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new ManifestException(where, at + " must be true or false");
        }
        return node.asBoolean();
    }

    /** Generator options: labels and annotations of the object, and the two switches. */
    private record Options(Map<String, String> labels, Map<String, String> annotations,
            boolean disableNameSuffixHash, boolean immutable) {
        static final Options NONE = new Options(Map.of(), Map.of(), false, false);

        /** These options (an entry's) over the kustomization's: maps merged with these winning, switches or-ed. */
        Options over(Options global) {
            Map<String, String> mergedLabels = new LinkedHashMap<>(global.labels);
            mergedLabels.putAll(labels);
            Map<String, String> mergedAnnotations = new LinkedHashMap<>(global.annotations);
            mergedAnnotations.putAll(annotations);
            return new Options(mergedLabels, mergedAnnotations,
                    disableNameSuffixHash || global.disableNameSuffixHash, immutable || global.immutable);
        }
    }
}
