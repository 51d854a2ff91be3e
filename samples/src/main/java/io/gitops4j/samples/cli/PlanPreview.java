package io.gitops4j.samples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.StateDiff;
import io.gitops4j.diff.StateDiffer;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.LiveState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import io.gitops4j.plan.Planner;
import io.gitops4j.reconcile.Annotations;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes what a reconcile would do without writing anything, not even a server-side dry run: load, resolve
 * keys and stamp tracking ids as the engine does, observe the desired and owned keys, diff, and plan. A server
 * dry run cannot plan a first deployment (objects in a namespace the same plan creates are refused), so
 * {@code plan} and {@code diff} use this, and {@code apply --dry-run} uses the engine's dry run.
 *
 * @param revision the revision planned
 * @param plan the plan, with the field-level diff of every step
 */
record PlanPreview(Revision revision, Plan plan) {

    static PlanPreview of(String application, DesiredStateSource source, Target target, StateDiffer differ) {
        DesiredState loaded = source.load();
        List<Resource> resolved = new ArrayList<>();
        for (Resource resource : loaded.resources().values()) {
            ResourceKey key = target.resolve(resource.key());
            Resource object = key.namespace().equals(resource.key().namespace()) ? resource
                    : resource.withNamespace(key.namespace());
            ObjectNode body = object.body();
            ((ObjectNode) body.get("metadata")).withObjectProperty("annotations")
                    .put(Annotations.TRACKING_ID, Annotations.trackingId(application, object.key()));
            resolved.add(object.withBody(body));
        }
        DesiredState desired = DesiredState.of(loaded.revision(), resolved);
        Inventory inventory = target.inventoryStore().load(application).orElseGet(() -> Inventory.empty(application));
        Set<ResourceKey> keys = new TreeSet<>(desired.keys());
        keys.addAll(inventory.keys());
        LiveState observed = target.observe(keys);
        LiveState live = LiveState.of(observed.resources().values().stream()
                .filter(object -> keys.contains(object.key())).toList());
        StateDiff diff = differ.diff(desired, live);
        StateDiff owned = StateDiff.of(diff.resources().values().stream()
                .filter(d -> d.type() != ChangeType.DELETE || inventory.contains(d.key())).toList());
        return new PlanPreview(desired.revision(), Planner.defaults().plan(owned));
    }
}
