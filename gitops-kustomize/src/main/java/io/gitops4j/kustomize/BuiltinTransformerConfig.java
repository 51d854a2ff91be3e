package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.kustomize.patch.JsonPatch;
import io.gitops4j.kustomize.patch.PatchTarget;
import io.gitops4j.model.Provenance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One builtin transformer configuration listed in a kustomization's {@code transformers} ({@code apiVersion:
 * builtin}): LabelTransformer, AnnotationsTransformer, NamespaceTransformer, PrefixTransformer, SuffixTransformer,
 * PrefixSuffixTransformer, ImageTagTransformer, ReplicaCountTransformer, PatchTransformer,
 * PatchStrategicMergeTransformer and PatchJson6902Transformer, with the field specs the configuration lists (no
 * defaults are added). Any other configuration is an {@link UnsupportedKustomizeField}. Confined to one build.
 */
final class BuiltinTransformerConfig {
    private static final String FIELD = "transformers";

    private final TreeReader reader;
    private final KustomizationFile k;
    private final String source;

    BuiltinTransformerConfig(TreeReader reader, KustomizationFile k, String source) {
        this.reader = reader;
        this.k = k;
        this.source = source;
    }

    /** Returns the step a configuration describes. */
    Transformation of(JsonNode config) {
        Provenance where = Provenance.of(source, -1, -1);
        String apiVersion = config.path("apiVersion").asText("");
        String kind = config.path("kind").asText("");
        if (!config.isObject() || !apiVersion.equals("builtin")) {
            throw new UnsupportedKustomizeField(k.where(FIELD), FIELD, "transformer plugin '" + apiVersion + "/"
                    + kind + "' in " + source);
        }
        List<FieldSpec> specs = FieldSpecTable.parse(config.get("fieldSpecs"), where, "fieldSpecs");
        switch (kind) {
            case "LabelTransformer":
                return new MetadataMapTransformation(map(config, "labels"), specs, where, FIELD);
            case "AnnotationsTransformer":
                return new MetadataMapTransformation(map(config, "annotations"), specs, where, FIELD);
            case "NamespaceTransformer":
                return new NamespaceTransformation(config.path("metadata").path("namespace").asText(""), specs,
                        config.path("unsetOnly").asBoolean(false), config.path("setRoleBindingSubjects").asText(""),
                        where, FIELD);
            case "PrefixTransformer":
                return AffixTransformation.prefix(config.path("prefix").asText(""), specs, where, FIELD);
            case "SuffixTransformer":
                return AffixTransformation.suffix(config.path("suffix").asText(""), specs, where, FIELD);
            case "PrefixSuffixTransformer":
                return objects -> {
                    AffixTransformation.prefix(config.path("prefix").asText(""), specs, where, FIELD).apply(objects);
                    AffixTransformation.suffix(config.path("suffix").asText(""), specs, where, FIELD).apply(objects);
                };
            case "ImageTagTransformer":
                return new ImageTransformation(map(config, "imageTag"), specs, where, FIELD);
            case "ReplicaCountTransformer": {
                JsonNode replica = config.path("replica");
                return new ReplicaTransformation(replica.path("name").asText(""), replica.path("count").asLong(0),
                        specs, where, FIELD);
            }
            case "PatchTransformer":
                return patch(config, where);
            case "PatchStrategicMergeTransformer":
                return strategicMerge(config, where);
            case "PatchJson6902Transformer":
                return json6902(config, where);
            default:
                throw new UnsupportedKustomizeField(k.where(FIELD), FIELD, "builtin transformer '" + kind + "' in "
                        + source);
        }
    }

    private Map<String, String> map(JsonNode config, String field) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonNode value = config.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isObject()) {
            throw new ManifestException(Provenance.of(source, -1, -1), "field '" + field + "' must be a mapping");
        }
        value.fields().forEachRemaining(entry -> result.put(entry.getKey(), entry.getValue().asText()));
        return result;
    }

    private String text(JsonNode config, String pathField, String inlineField) {
        String path = config.path(pathField).asText("");
        String inline = config.path(inlineField).asText("");
        if (path.isEmpty() == inline.isEmpty()) {
            throw new ManifestException(Provenance.of(source, -1, -1), "set one of '" + pathField + "' and '"
                    + inlineField + "'");
        }
        return path.isEmpty() ? inline.strip()
                : new String(reader.file(k, FIELD, path), StandardCharsets.UTF_8);
    }

    private Transformation patch(JsonNode config, Provenance where) {
        List<JsonNode> documents = PatchTransformation.documents(source, text(config, "path", "patch"));
        JsonNode target = config.get("target");
        PatchTarget selector = target == null || target.isNull() ? null : PatchTarget.parse(target, where);
        if (documents.size() == 1 && JsonPatch.isJsonPatch(documents.get(0))) {
            if (selector == null) {
                throw new ManifestException(where, "a JSON 6902 patch needs a 'target'");
            }
            return PatchTransformation.json(selector, (ArrayNode) documents.get(0), true, where, FIELD);
        }
        List<ObjectNode> patches = objects(documents, where);
        boolean allowName = config.path("options").path("allowNameChange").asBoolean(false);
        boolean allowKind = config.path("options").path("allowKindChange").asBoolean(false);
        if (selector == null) {
            return PatchTransformation.strategic(patches, allowName, allowKind, where, FIELD);
        }
        if (patches.size() != 1) {
            throw new ManifestException(where, "a patch with a 'target' holds one strategic merge patch");
        }
        return PatchTransformation.strategic(selector, patches.get(0), allowName, allowKind, where, FIELD);
    }

    private Transformation strategicMerge(JsonNode config, Provenance where) {
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode path : config.path("paths")) {
            documents.addAll(PatchTransformation.documents(source, new String(reader.file(k, FIELD, path.asText()),
                    StandardCharsets.UTF_8)));
        }
        if (config.path("patches").isTextual()) {
            documents.addAll(PatchTransformation.documents(source, config.path("patches").asText()));
        }
        if (documents.isEmpty()) {
            throw new ManifestException(where, "the strategic merge patch is empty");
        }
        return PatchTransformation.strategic(objects(documents, where), false, false, where, FIELD);
    }

    private Transformation json6902(JsonNode config, Provenance where) {
        JsonNode target = config.path("target");
        if (target.path("name").asText("").isEmpty()) {
            throw new ManifestException(where, "a JSON 6902 patch needs a target with a name");
        }
        List<JsonNode> documents = PatchTransformation.documents(source, text(config, "path", "jsonOp"));
        if (documents.size() != 1 || !JsonPatch.isJsonPatch(documents.get(0))) {
            throw new ManifestException(where, "'jsonOp' must be a list of JSON 6902 operations");
        }
        return PatchTransformation.json(PatchTarget.parse(target, where), (ArrayNode) documents.get(0), false,
                where, FIELD);
    }

    private static List<ObjectNode> objects(List<JsonNode> documents, Provenance where) {
        List<ObjectNode> result = new ArrayList<>();
        for (JsonNode document : documents) {
            if (!document.isObject()) {
                throw new ManifestException(where, "a strategic merge patch must be a mapping");
            }
            result.add((ObjectNode) document);
        }
        return result;
    }
}
