package io.gitops4j.kustomize;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import java.util.List;

/**
 * Sets the replica count of the objects with a given name, current or previous (Kustomize's
 * ReplicaCountTransformer), at the field specs of their kind; naming no such object is an error.
 */
final class ReplicaTransformation implements Transformation {
    private final String name;
    private final long count;
    private final List<FieldSpec> specs;
    private final Provenance where;
    private final String field;

    ReplicaTransformation(String name, long count, List<FieldSpec> specs, Provenance where, String field) {
        this.name = name;
        this.count = count;
        this.specs = List.copyOf(specs);
        this.where = where;
        this.field = field;
    }

    @Override
    public void apply(Accumulator objects) {
        boolean found = false;
        for (FieldSpec spec : specs) {
            for (Item item : objects.items()) {
                if (!named(item) || !item.gvk().selectedBy(spec.gvk())) {
                    continue;
                }
                found = true;
                try {
                    FieldWalker.walk(item.body(), spec, FieldWalker.Leaf.SCALAR,
                            slot -> slot.set(JsonNodeFactory.instance.numberNode(count)));
                } catch (FieldWalker.WalkException e) {
                    throw Transformation.failure(where, field, item, spec, e);
                }
            }
        }
        if (!found) {
            throw new ManifestException(where, "field '" + field + "': no Deployment, ReplicationController, "
                    + "ReplicaSet or StatefulSet named '" + name + "' to set replicas on");
        }
    }

    private boolean named(Item item) {
        return item.name().equals(name) || item.hadName(name);
    }
}
