package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gitops4j.model.Provenance;
import java.util.List;

/**
 * Adds a prefix or a suffix to names (Kustomize's PrefixTransformer and SuffixTransformer): at the field specs, for
 * every object but CustomResourceDefinitions, APIServices and Namespaces; a renamed object remembers its previous
 * name and the affix, so references to it are updated at the end of the build.
 */
final class AffixTransformation implements Transformation {
    private static final List<Gvk> SKIPPED = List.of(new Gvk("", "", "CustomResourceDefinition"),
            new Gvk("apiregistration.k8s.io", "", "APIService"), new Gvk("", "", "Namespace"));

    private final String affix;
    private final boolean prefix;
    private final List<FieldSpec> specs;
    private final Provenance where;
    private final String field;

    private AffixTransformation(String affix, boolean prefix, List<FieldSpec> specs, Provenance where, String field) {
        this.affix = affix;
        this.prefix = prefix;
        this.specs = List.copyOf(specs);
        this.where = where;
        this.field = field;
    }

    static AffixTransformation prefix(String prefix, List<FieldSpec> specs, Provenance where, String field) {
        return new AffixTransformation(prefix, true, specs, where, field);
    }

    static AffixTransformation suffix(String suffix, List<FieldSpec> specs, Provenance where, String field) {
        return new AffixTransformation(suffix, false, specs, where, field);
    }

    @Override
    public void apply(Accumulator objects) {
        for (Item item : objects.items()) {
            Gvk original = item.originalId().gvk();
            if (SKIPPED.stream().anyMatch(original::selectedBy)) {
                continue;
            }
            for (FieldSpec spec : specs) {
                if (!original.selectedBy(spec.gvk())) {
                    continue;
                }
                if (spec.path().equals("metadata/name")) {
                    if (prefix) {
                        item.addPrefix(affix);
                    } else {
                        item.addSuffix(affix);
                    }
                    if (!affix.isEmpty()) {
                        item.storePreviousId();
                    }
                }
                try {
                    FieldWalker.walk(item.body(), spec, FieldWalker.Leaf.SCALAR, slot -> slot.set(
                            JsonNodeFactory.instance.textNode(prefix ? affix + slot.text() : slot.text() + affix)));
                } catch (FieldWalker.WalkException e) {
                    throw Transformation.failure(where, field, item, spec, e);
                }
            }
        }
        objects.changed();
    }
}
