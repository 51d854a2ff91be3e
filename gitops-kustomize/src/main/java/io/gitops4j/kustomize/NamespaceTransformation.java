package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets the namespace of every namespaced object (Kustomize's NamespaceTransformer): {@code metadata.namespace},
 * the field specs (a v1 Namespace's name, an APIService's service, ...), and the namespace of RoleBinding and
 * ClusterRoleBinding subjects by the subject mode ({@code defaultOnly}: subjects named {@code default};
 * {@code allServiceAccounts}; {@code none}). ServiceAccount subjects that name an object of the build get their
 * namespace from the name references afterwards.
 */
final class NamespaceTransformation implements Transformation {
    private static final FieldSpec METADATA_NAMESPACE = new FieldSpec(Gvk.ANY, "metadata/namespace", true);

    private final String namespace;
    private final List<FieldSpec> specs;
    private final boolean unsetOnly;
    private final String subjects;
    private final Provenance where;
    private final String field;

    NamespaceTransformation(String namespace, List<FieldSpec> specs, boolean unsetOnly, String subjects,
            Provenance where, String field) {
        this.namespace = namespace;
        this.specs = List.copyOf(specs);
        this.unsetOnly = unsetOnly;
        this.subjects = subjects.isEmpty() ? "defaultOnly" : subjects;
        this.where = where;
        this.field = field;
        if (!List.of("defaultOnly", "allServiceAccounts", "none").contains(this.subjects)) {
            throw new ManifestException(where, "field '" + field + "': setRoleBindingSubjects must be one of "
                    + "defaultOnly, allServiceAccounts or none, got '" + subjects + "'");
        }
    }

    @Override
    public void apply(Accumulator objects) {
        if (namespace.isEmpty()) {
            return;
        }
        for (Item item : objects.items()) {
            item.storePreviousId();
            transform(item);
        }
        objects.changed();
        Map<String, Item> seen = new HashMap<>();
        for (Item item : objects.items()) {
            Item other = seen.putIfAbsent(item.currentId().key(), item);
            if (other != null) {
                throw new ManifestException(where, "field '" + field + "': setting namespace '" + namespace
                        + "' makes two objects the same: " + item + " and " + other);
            }
        }
    }

    private void transform(Item item) {
        ObjectNode body = item.body();
        boolean binding = item.kind().equals("RoleBinding") || item.kind().equals("ClusterRoleBinding");
        List<FieldSpec> effective = new ArrayList<>();
        for (FieldSpec spec : specs) {
            if (spec.path().equals("metadata/namespace")
                    || (spec.path().equals("metadata/name") && !item.apiVersion().equals("v1"))
                    || (binding && spec.path().equals("subjects/namespace")
                            && (spec.gvk().kind().equals("RoleBinding")
                                    || spec.gvk().kind().equals("ClusterRoleBinding")))) {
                continue;
            }
            effective.add(spec);
        }
        if (!item.currentId().clusterScoped()) {
            walk(item, METADATA_NAMESPACE);
        }
        if (binding) {
            setSubjects(body.path("subjects"));
        }
        for (FieldSpec spec : effective) {
            walk(item, spec);
        }
    }

    private void walk(Item item, FieldSpec spec) {
        try {
            FieldWalker.walk(item.body(), spec, FieldWalker.Leaf.SCALAR, this::set);
        } catch (FieldWalker.WalkException e) {
            throw Transformation.failure(where, field, item, spec, e);
        }
    }

    private void set(Slot slot) {
        if (unsetOnly && !slot.text().isEmpty()) {
            return;
        }
        slot.set(JsonNodeFactory.instance.textNode(namespace));
    }

    private void setSubjects(JsonNode list) {
        if (!list.isArray() || subjects.equals("none")) {
            return;
        }
        for (JsonNode subject : list) {
            if (!subject.isObject()) {
                continue;
            }
            boolean selected = subjects.equals("defaultOnly") ? "default".equals(subject.path("name").asText(null))
                    : "ServiceAccount".equals(subject.path("kind").asText(null));
            if (selected) {
                set(Slot.field((ObjectNode) subject, "namespace"));
            }
        }
    }
}
