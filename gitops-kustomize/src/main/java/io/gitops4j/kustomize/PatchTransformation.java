package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.kustomize.patch.JsonPatch;
import io.gitops4j.kustomize.patch.PatchTarget;
import io.gitops4j.kustomize.patch.StrategicMergePatch;
import io.gitops4j.model.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies patches (Kustomize's PatchTransformer, PatchStrategicMergeTransformer and PatchJson6902Transformer):
 * strategic merge patches to the one object their own kind, name and namespace name, or to every object a target
 * selects; JSON 6902 patches to every object a target selects. A strategic merge patch keeps the object's kind, name
 * and namespace unless {@code allowKindChange} / {@code allowNameChange} are set; {@code $patch: delete} removes the
 * object.
 */
final class PatchTransformation implements Transformation {
    private final List<ObjectNode> strategic;
    private final ArrayNode operations;
    private final PatchTarget target;
    private final boolean allowNameChange;
    private final boolean allowKindChange;
    private final boolean storePreviousId;
    private final Provenance where;
    private final String field;

    private PatchTransformation(List<ObjectNode> strategic, ArrayNode operations, PatchTarget target,
            boolean allowNameChange, boolean allowKindChange, boolean storePreviousId, Provenance where,
            String field) {
        this.strategic = strategic;
        this.operations = operations;
        this.target = target;
        this.allowNameChange = allowNameChange;
        this.allowKindChange = allowKindChange;
        this.storePreviousId = storePreviousId;
        this.where = where;
        this.field = field;
    }

    /** Strategic merge patches applied each to the object it names (no target). */
    static PatchTransformation strategic(List<ObjectNode> patches, boolean allowNameChange, boolean allowKindChange,
            Provenance where, String field) {
        return new PatchTransformation(List.copyOf(patches), null, null, allowNameChange, allowKindChange, false,
                where, field);
    }

    /** One strategic merge patch applied to every object {@code target} selects. */
    static PatchTransformation strategic(PatchTarget target, ObjectNode patch, boolean allowNameChange,
            boolean allowKindChange, Provenance where, String field) {
        return new PatchTransformation(List.of(patch), null, target, allowNameChange, allowKindChange, false, where,
                field);
    }

    /** A JSON 6902 patch applied to every object {@code target} selects. */
    static PatchTransformation json(PatchTarget target, ArrayNode operations, boolean storePreviousId,
            Provenance where, String field) {
        return new PatchTransformation(List.of(), operations, target, false, false, storePreviousId, where, field);
    }

    @Override
    public void apply(Accumulator objects) {
        if (operations != null) {
            for (Item item : TargetSelection.select(target, objects)) {
                if (storePreviousId) {
                    item.storePreviousId();
                }
                ensureAnnotations(item.body());
                item.body(JsonPatch.apply(item.body(), operations, where));
            }
        } else if (target != null) {
            ObjectNode patch = strategic.get(0);
            for (Item item : TargetSelection.select(target, objects)) {
                ObjectNode copy = patch.deepCopy();
                copy.put("apiVersion", item.apiVersion());
                if (!copy.path("kind").isTextual()) {
                    copy.put("kind", item.kind());
                }
                merge(objects, item, copy);
            }
        } else {
            for (ObjectNode patch : strategic) {
                merge(objects, single(objects, patch), patch);
            }
        }
        objects.changed();
    }

    private Item single(Accumulator objects, ObjectNode patch) {
        JsonNode metadata = patch.path("metadata");
        ResId id = new ResId(Gvk.of(patch.path("apiVersion").asText(""), patch.path("kind").asText("")),
                metadata.path("name").asText(""), metadata.path("namespace").asText(""));
        List<Item> matches = objects.matchingAnyId(id);
        if (matches.size() != 1) {
            throw new ManifestException(where, "field '" + field + "': " + (matches.isEmpty() ? "no object" :
                    matches.size() + " objects") + " of the build match the strategic merge patch for " + id
                    + "; a patch without a target must name exactly one object (its apiVersion, kind, name and "
                    + "namespace)" + (matches.isEmpty() ? "" : ": " + matches));
        }
        return matches.get(0);
    }

    private void merge(Accumulator objects, Item item, ObjectNode patch) {
        String name = item.name();
        String namespace = item.namespace();
        String kind = item.kind();
        if (allowNameChange || allowKindChange) {
            item.storePreviousId();
        }
        ObjectNode result = StrategicMergePatch.apply(item.body(), patch, where);
        if (result == null) {
            objects.remove(item);
            return;
        }
        if (!allowKindChange) {
            result.put("kind", kind);
        }
        ObjectNode metadata = result.get("metadata") instanceof ObjectNode meta ? meta : result.putObject("metadata");
        if (!allowNameChange) {
            metadata.put("name", name);
        }
        if (namespace.isEmpty()) {
            metadata.remove("namespace");
        } else {
            metadata.put("namespace", namespace);
        }
        item.body(result);
    }

    /**
     * Gives the object an annotations mapping if it has none: during a Kustomize build every object carries internal
     * annotations, so a JSON patch may add to {@code /metadata/annotations} of an object that declares none. Empty
     * annotations are dropped from the output, as Kustomize drops them.
     */
    private static void ensureAnnotations(ObjectNode body) {
        if (body.get("metadata") instanceof ObjectNode metadata
                && !(metadata.get("annotations") instanceof ObjectNode)) {
            metadata.putObject("annotations");
        }
    }

    /** Returns the objects of a strategic merge patch text, or its JSON 6902 operations. */
    static List<JsonNode> documents(String path, String text) {
        List<JsonNode> result = new ArrayList<>();
        for (YamlDocuments.Document document : YamlDocuments.parse(path, text)) {
            result.add(document.tree());
        }
        return result;
    }
}
