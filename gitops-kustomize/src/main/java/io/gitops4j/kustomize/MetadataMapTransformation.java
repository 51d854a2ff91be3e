package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sets labels or annotations at field specs (Kustomize's LabelTransformer and AnnotationsTransformer). */
final class MetadataMapTransformation implements Transformation {
    private final Map<String, String> values;
    private final List<FieldSpec> specs;
    private final Provenance where;
    private final String field;

    MetadataMapTransformation(Map<String, String> values, List<FieldSpec> specs, Provenance where, String field) {
        this.values = new TreeMap<>(values);
        this.specs = List.copyOf(specs);
        this.where = where;
        this.field = field;
    }

    @Override
    public void apply(Accumulator objects) {
        if (values.isEmpty()) {
            return;
        }
        for (Item item : objects.items()) {
            Gvk gvk = item.gvk();
            for (FieldSpec spec : specs) {
                if (!gvk.selectedBy(spec.gvk())) {
                    continue;
                }
                try {
                    FieldWalker.walk(item.body(), spec.anyKind(), FieldWalker.Leaf.MAP, slot -> put(slot, item, spec));
                } catch (FieldWalker.WalkException e) {
                    throw Transformation.failure(where, field, item, spec, e);
                }
            }
        }
    }

    private void put(Slot slot, Item item, FieldSpec spec) {
        JsonNode map = slot.get();
        if (map == null || map.isNull()) {
            return;
        }
        if (!map.isObject()) {
            throw new ManifestException(where, "field '" + field + "': '" + spec.path() + "' of " + item
                    + " is not a mapping");
        }
        values.forEach(((ObjectNode) map)::put);
    }
}
