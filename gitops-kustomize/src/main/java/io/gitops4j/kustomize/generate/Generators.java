package io.gitops4j.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.Provenance;
import io.gitops4j.render.SourceTree;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gitops4j.ManifestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kustomize's {@code configMapGenerator} and {@code secretGenerator} with {@code generatorOptions}: {@code files}
 * (with {@code key=path}), {@code literals}, {@code envs} (and the older {@code env}), {@code type} of Secrets,
 * {@code options} per generator (labels, annotations, {@code disableNameSuffixHash}, {@code immutable}), and the
 * {@code merge}/{@code replace} behaviours. Secret data is base64-encoded as Kustomize does; ConfigMap values that
 * are not valid UTF-8 go to {@code binaryData}. As Kustomize 5 does, keys are not checked against the ConfigMap key
 * characters (only repeated keys are refused), a line of an env file without {@code =} gives its key an empty value
 * (the process environment is never read), and quotes around a whole literal value are removed. Stateless and
 * thread-safe.
 */
public final class Generators {
    private Generators() {
    }

    /**
     * Generates the objects of one kustomization's generators, in Kustomize's order (ConfigMaps, then Secrets, each
     * in declaration order). Paths are read from {@code tree}, relative to {@code folder}, and may not leave the
     * repository root.
     *
     * @param kustomization the parsed kustomization
     * @param tree the repository tree
     * @param folder the kustomization's folder in the tree
     * @param where the kustomization file, for errors
     * @return the generated objects, names without hash suffix
     * @throws io.gitops4j.ManifestException when a generator is malformed or names a missing file, naming the file and
     *     field
     */
    public static List<GeneratedObject> generate(JsonNode kustomization, SourceTree tree, String folder,
            Provenance where) {
        RepositoryFiles files = new RepositoryFiles(tree, folder, where);
        JsonNode options = kustomization.get("generatorOptions");
        List<GeneratedObject> generated = new ArrayList<>();
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            JsonNode entries = kustomization.get(field);
            if (entries == null || entries.isNull()) {
                continue;
            }
            if (!entries.isArray()) {
                throw new ManifestException(where, field + " must be a list");
            }
            for (int i = 0; i < entries.size(); i++) {
                generated.add(new GeneratorEntry(field.equals("secretGenerator"), entries.get(i),
                        field + "[" + i + "]", where).generate(options, files));
            }
        }
        return List.copyOf(generated);
    }

    /**
     * Combines a generated object with the existing object of the same kind and name, by {@code behavior}, as
     * Kustomize does: the result is the generated object with the existing one's name and namespace and with the
     * existing labels and annotations under its own (its own win); {@code merge} also keeps the existing
     * {@code data} and {@code binaryData} keys the generated object does not set, {@code replace} does not.
     *
     * @param existing the object from the resources, under its name without a hash suffix (the result keeps that
     *     name; the caller appends {@link #hashSuffix} of the result when {@link GeneratedObject#appendHash()})
     * @param generated the generated object
     * @param where the kustomization file, for errors
     * @return the combined object
     * @throws io.gitops4j.ManifestException for {@code create} (a duplicate) or an unknown behaviour
     */
    public static ObjectNode combine(ObjectNode existing, GeneratedObject generated, Provenance where) {
        ObjectNode object = generated.object();
        String id = object.path("kind").asText() + " '" + existing.path("metadata").path("name").asText() + "'";
        switch (generated.behavior()) {
            case "create" -> throw new ManifestException(where, id + " already exists; a generator that "
                    + "changes it needs behavior merge or replace");
            case "merge", "replace" -> {
                ObjectNode result = object.deepCopy();
                ObjectNode metadata = (ObjectNode) result.get("metadata");
                JsonNode old = existing.path("metadata");
                for (String field : List.of("labels", "annotations")) {
                    merged(old.get(field), metadata.get(field)).ifPresent(map -> metadata.set(field, map));
                }
                metadata.set("name", old.path("name").deepCopy());
                if (old.hasNonNull("namespace")) {
                    metadata.set("namespace", old.get("namespace").deepCopy());
                } else {
                    metadata.remove("namespace");
                }
                if (generated.behavior().equals("merge")) {
                    for (String field : List.of("data", "binaryData")) {
                        merged(existing.get(field), result.get(field)).ifPresent(map -> result.set(field, map));
                    }
                }
                return result;
            }
            default -> throw new ManifestException(where, "unknown generator behavior '" + generated.behavior()
                    + "' for " + id + "; expected create, merge or replace");
        }
    }

    /**
     * Returns the suffix Kustomize appends to a generated ConfigMap's or Secret's name ({@code -} not included):
     * ten characters derived from a SHA-256 of the object's kind, type, data and binaryData (Secrets: stringData),
     * exactly as Kustomize computes it, so that names match {@code kubectl kustomize} output. As in Kustomize, the
     * name itself does not count, nor do labels, annotations or {@code immutable}.
     *
     * @param object the ConfigMap or Secret, with its final data and its name before the suffix
     * @return the suffix, e.g. {@code 5f7tm6g4kt}
     */
    public static String hashSuffix(ObjectNode object) {
        return ContentHash.suffix(object);
    }

    private static Optional<ObjectNode> merged(JsonNode under, JsonNode over) {
        if ((under == null || !under.isObject()) && (over == null || !over.isObject())) {
            return Optional.empty();
        }
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (JsonNode source : new JsonNode[] {under, over}) {
            if (source != null && source.isObject()) {
                source.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().deepCopy()));
            }
        }
        sorted.forEach(map::set);
        return Optional.of(map);
    }
}
