package io.gitops4j.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired state as the engine applies it: every key resolved by the target (namespace defaulting) and every
 * object stamped with its tracking id; resources that cannot be resolved are failed steps instead.
 *
 * @param state the resolved, stamped desired state
 * @param failures one failed step per resource that could not be prepared
 */
record PreparedState(DesiredState state, List<StepResult> failures) {

    /**
     * Prepares a desired state, reusing what the previous preparation made of the very same source resources.
     *
     * @param application the application, for tracking ids
     * @param desired the loaded desired state
     * @param target the target resolving keys
     * @param previous source resource to prepared resource from the last preparation (by identity)
     * @param made where to record source resource to prepared resource for the next one
     * @return the prepared state
     */
    static PreparedState of(String application, DesiredState desired, Target target,
            Map<Resource, Resource> previous, Map<Resource, Resource> made) {
        TreeMap<ResourceKey, Resource> resolved = new TreeMap<>();
        List<StepResult> failures = new ArrayList<>();
        for (Resource resource : desired.resources().values()) {
            try {
                ResourceKey key = target.resolve(resource.key());
                Resource before = previous.get(resource);
                Resource ready = before != null && before.key().equals(key)
                        ? before : stamp(application, resolve(key, resource));
                made.put(resource, ready);
                Resource clash = resolved.putIfAbsent(ready.key(), ready);
                if (clash != null) {
                    failures.add(failed(resource.key(), "resolves to " + ready.key() + ", which "
                            + clash.provenance() + " also declares; declare the namespace explicitly"));
                }
            } catch (RuntimeException e) {
                failures.add(failed(resource.key(), e.getMessage()));
            }
        }
        return new PreparedState(DesiredState.of(desired.revision(), resolved.values()), List.copyOf(failures));
    }

    private static Resource resolve(ResourceKey key, Resource resource) {
        if (key.equals(resource.key())) {
            return resource;
        }
        if (!key.withNamespace(resource.key().namespace()).equals(resource.key())) {
            throw new IllegalStateException("the target resolved the key to " + key
                    + "; a target may change only the namespace");
        }
        return resource.withNamespace(key.namespace());
    }

    private static Resource stamp(String application, Resource resource) {
        String id = TrackingId.of(application, resource.key());
        if (resource.annotation(WellKnownMetadata.TRACKING_ID).filter(id::equals).isPresent()) {
            return resource;
        }
        ObjectNode body = resource.body();
        ((ObjectNode) body.get("metadata")).withObjectProperty("annotations").put(WellKnownMetadata.TRACKING_ID, id);
        return resource.withBody(body);
    }

    private static StepResult failed(ResourceKey key, String message) {
        return new StepResult(key, ChangeType.NONE, StepResult.Status.FAILED,
                String.valueOf(message), Duration.ZERO);
    }
}
