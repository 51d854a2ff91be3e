package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.kustomize.patch.JsonPatch;
import io.gitops4j.kustomize.patch.PatchTarget;
import io.gitops4j.model.Provenance;
import io.gitops4j.render.TreeEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a kustomization's transformer fields into the steps Kustomize runs, in its order: patchesStrategicMerge,
 * patches, namespace, namePrefix, nameSuffix, labels then commonLabels, commonAnnotations, patchesJson6902, replicas,
 * images, then the builtin transformer configurations listed in {@code transformers}. Stateless.
 */
final class TransformerPlan {
    private final TreeReader reader;
    private final FieldSpecTable table;

    TransformerPlan(TreeReader reader, FieldSpecTable table) {
        this.reader = reader;
        this.table = table;
    }

    /** Returns the steps of one kustomization. */
    List<Transformation> of(KustomizationFile k) {
        List<Transformation> steps = new ArrayList<>();
        strategicMergePatches(k, steps);
        for (JsonNode entry : k.objects("patches")) {
            steps.add(patch(k, "patches", entry.get("path"), entry.get("patch"), entry.get("target"),
                    entry.path("options"), true));
        }
        String namespace = k.string("namespace");
        if (!namespace.isEmpty()) {
            steps.add(new NamespaceTransformation(namespace, table.section("namespace"), false, "",
                    k.where("namespace"), "namespace"));
        }
        String prefix = k.string("namePrefix");
        if (!prefix.isEmpty()) {
            steps.add(AffixTransformation.prefix(prefix, table.section("namePrefix"), k.where("namePrefix"),
                    "namePrefix"));
        }
        String suffix = k.string("nameSuffix");
        if (!suffix.isEmpty()) {
            steps.add(AffixTransformation.suffix(suffix, table.section("nameSuffix"), k.where("nameSuffix"),
                    "nameSuffix"));
        }
        labels(k, steps);
        steps.add(new MetadataMapTransformation(k.stringMap("commonLabels"), table.section("commonLabels"),
                k.where("commonLabels"), "commonLabels"));
        steps.add(new MetadataMapTransformation(k.stringMap("commonAnnotations"), table.section("commonAnnotations"),
                k.where("commonAnnotations"), "commonAnnotations"));
        for (JsonNode entry : k.objects("patchesJson6902")) {
            if (entry.path("target").path("name").asText("").isEmpty()) {
                throw k.error("patchesJson6902", "every entry needs a target with a name");
            }
            steps.add(patch(k, "patchesJson6902", entry.get("path"), entry.get("patch"), entry.get("target"),
                    entry.path("options"), false));
        }
        for (JsonNode entry : k.objects("replicas")) {
            JsonNode count = entry.get("count");
            String name = entry.path("name").asText("");
            if (name.isEmpty() || count == null || !count.canConvertToLong() || !count.isIntegralNumber()) {
                throw k.error("replicas", "every entry needs a 'name' and an integer 'count'");
            }
            steps.add(new ReplicaTransformation(name, count.asLong(), table.section("replicas"), k.where("replicas"),
                    "replicas"));
        }
        for (String field : List.of("images", "imageTags")) {
            for (JsonNode entry : k.objects(field)) {
                Map<String, String> image = k.stringMap(entry, field);
                if (image.getOrDefault("name", "").isEmpty()) {
                    throw k.error(field, "every entry needs a 'name'");
                }
                steps.add(new ImageTransformation(image, table.section("images"), k.where(field), field));
            }
        }
        for (String entry : k.strings("transformers")) {
            transformerConfigs(k, entry, steps);
        }
        return steps;
    }

    private void strategicMergePatches(KustomizationFile k, List<Transformation> steps) {
        List<ObjectNode> patches = new ArrayList<>();
        for (String entry : k.strings("patchesStrategicMerge")) {
            List<JsonNode> documents = inlineDocuments(k, "patchesStrategicMerge", entry);
            if (documents == null) {
                String path = reader.resolve(k, "patchesStrategicMerge", entry);
                byte[] bytes = reader.file(k, "patchesStrategicMerge", entry);
                documents = PatchTransformation.documents(path, new String(bytes, StandardCharsets.UTF_8));
            }
            for (JsonNode document : documents) {
                if (!document.isObject()) {
                    throw k.error("patchesStrategicMerge", "'" + entry + "' is not a strategic merge patch (an "
                            + "object with apiVersion, kind and metadata.name)");
                }
                patches.add((ObjectNode) document);
            }
        }
        if (!patches.isEmpty()) {
            steps.add(PatchTransformation.strategic(patches, false, false, k.where("patchesStrategicMerge"),
                    "patchesStrategicMerge"));
        }
    }

    private Transformation patch(KustomizationFile k, String field, JsonNode path, JsonNode inline, JsonNode target,
            JsonNode options, boolean storePreviousId) {
        boolean hasPath = path != null && !path.asText("").isEmpty();
        boolean hasInline = inline != null && !inline.asText("").isBlank();
        if (hasPath == hasInline) {
            throw k.error(field, hasPath ? "an entry sets both 'path' and 'patch'; set one"
                    : "every entry needs a 'path' or a 'patch'");
        }
        String source = hasPath ? reader.resolve(k, field, path.asText()) : k.path();
        String text = hasPath ? new String(reader.file(k, field, path.asText()), StandardCharsets.UTF_8)
                : inline.asText().strip();
        List<JsonNode> documents = PatchTransformation.documents(source, text);
        Provenance where = k.where(field);
        PatchTarget selector = target == null || target.isNull() ? null : PatchTarget.parse(target, where);
        if (documents.size() == 1 && JsonPatch.isJsonPatch(documents.get(0))) {
            if (selector == null) {
                throw k.error(field, "a JSON 6902 patch needs a 'target' (" + (hasPath ? path.asText()
                        : "inline patch") + ")");
            }
            return PatchTransformation.json(selector, (ArrayNode) documents.get(0), storePreviousId, where, field);
        }
        List<ObjectNode> patches = new ArrayList<>();
        for (JsonNode document : documents) {
            if (!document.isObject()) {
                throw k.error(field, "'" + (hasPath ? path.asText() : "inline patch") + "' is neither a strategic "
                        + "merge patch nor a JSON 6902 patch");
            }
            patches.add((ObjectNode) document);
        }
        if (patches.isEmpty()) {
            throw k.error(field, "'" + (hasPath ? path.asText() : "inline patch") + "' is empty");
        }
        boolean allowName = options.path("allowNameChange").asBoolean(false);
        boolean allowKind = options.path("allowKindChange").asBoolean(false);
        if (selector == null) {
            return PatchTransformation.strategic(patches, allowName, allowKind, where, field);
        }
        if (patches.size() > 1) {
            throw k.error(field, "an entry with a 'target' may hold one strategic merge patch, this one has "
                    + patches.size());
        }
        return PatchTransformation.strategic(selector, patches.get(0), allowName, allowKind, where, field);
    }

    private void labels(KustomizationFile k, List<Transformation> steps) {
        for (JsonNode entry : k.objects("labels")) {
            Map<String, String> pairs = k.stringMap(entry.get("pairs"), "labels");
            List<FieldSpec> specs = FieldSpecTable.parse(entry.get("fields"), k.where("labels"), "labels");
            if (entry.path("includeSelectors").asBoolean(false)) {
                specs = FieldSpecTable.union(specs, table.section("commonLabels"));
            } else {
                if (entry.path("includeTemplates").asBoolean(false)) {
                    specs = FieldSpecTable.union(specs, table.section("templateLabels"));
                }
                specs = FieldSpecTable.union(specs, List.of(new FieldSpec(Gvk.ANY, "metadata/labels", true)));
            }
            steps.add(new MetadataMapTransformation(pairs, specs, k.where("labels"), "labels"));
        }
    }

    /** Parses an entry that holds YAML inline rather than a path; returns {@code null} for a path. */
    private static List<JsonNode> inlineDocuments(KustomizationFile k, String field, String entry) {
        if (entry.indexOf('\n') < 0 && !entry.strip().startsWith("{")) {
            return null;
        }
        List<JsonNode> documents = PatchTransformation.documents(k.path(), entry);
        if (documents.isEmpty() || !documents.get(0).isObject()) {
            return null;
        }
        return documents;
    }

    private void transformerConfigs(KustomizationFile k, String entry, List<Transformation> steps) {
        List<JsonNode> documents = inlineDocuments(k, "transformers", entry);
        String source = k.path();
        if (documents == null) {
            TreeEntry file = reader.entry(k, "transformers", entry);
            if (!file.isFile()) {
                throw new UnsupportedKustomizeField(k.where("transformers"), "transformers",
                        "'" + entry + "' is a kustomization of transformer configurations");
            }
            source = file.path();
            documents = PatchTransformation.documents(source, new String(reader.tree().read(file.path()),
                    StandardCharsets.UTF_8));
        }
        for (JsonNode document : documents) {
            steps.add(new BuiltinTransformerConfig(reader, k, source).of(document));
        }
    }
}
