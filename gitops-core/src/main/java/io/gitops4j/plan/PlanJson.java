package io.gitops4j.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.FieldChange;
import io.gitops4j.model.CanonicalJson;
import io.gitops4j.model.ResourceKey;
import java.util.Locale;

/** Renders a {@link Plan} as canonical JSON. Stateless. */
final class PlanJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanJson() {
    }

    static String render(Plan plan) {
        ObjectNode root = NODES.objectNode();
        ObjectNode summary = root.putObject("summary");
        summary.put("create", plan.count(ChangeType.CREATE));
        summary.put("update", plan.count(ChangeType.UPDATE));
        summary.put("delete", plan.count(ChangeType.DELETE));
        summary.put("unchanged", plan.count(ChangeType.NONE));
        ArrayNode steps = root.putArray("steps");
        for (PlanStep step : plan.steps()) {
            steps.add(step(step));
        }
        if (!plan.hooks().isEmpty()) {
            ArrayNode hooks = root.putArray("hooks");
            for (HookStep hook : plan.hooks()) {
                hooks.add(hook(hook));
            }
        }
        return CanonicalJson.toString(root);
    }

    private static ObjectNode hook(HookStep hook) {
        ObjectNode node = keyed(hook.key(), hook.wave());
        node.put("phase", hook.phase().argoName());
        node.put("runs", hook.runs());
        ArrayNode policies = node.putArray("deletePolicies");
        hook.deletePolicies().forEach(policy -> policies.add(policy.argoName()));
        node.put("note", hook.note());
        return node;
    }

    /** An object with the key, its parts and the wave: what a step and a hook are identified by. */
    private static ObjectNode keyed(ResourceKey key, int wave) {
        ObjectNode node = NODES.objectNode();
        node.put("key", key.toString());
        node.put("group", key.group());
        node.put("kind", key.kind());
        node.put("namespace", key.namespace());
        node.put("name", key.name());
        node.put("wave", wave);
        return node;
    }

    private static ObjectNode step(PlanStep step) {
        ObjectNode node = keyed(step.key(), step.wave());
        node.put("action", step.action().name());
        ArrayNode changes = node.putArray("changes");
        for (FieldChange change : step.diff().changes()) {
            ObjectNode field = changes.addObject();
            field.put("op", change.operation().name().toLowerCase(Locale.ROOT));
            field.put("path", change.path());
            field.put("redacted", change.redacted());
            putValue(field, "old", change.redacted() ? FieldChange.REDACTED : change.oldValue(), change.oldValue());
            putValue(field, "new", change.redacted() ? FieldChange.REDACTED : change.newValue(), change.newValue());
        }
        return node;
    }

    private static void putValue(ObjectNode field, String name, JsonNode shown, JsonNode actual) {
        if (actual != null) {
            field.set(name, shown);
        }
    }
}
