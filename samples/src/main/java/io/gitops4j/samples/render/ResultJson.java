package io.gitops4j.samples.render;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.DiffFormatter;
import io.gitops4j.health.Health;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.reconcile.HookResult;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a reconcile result as one JSON document for scripts: application, revision, outcome, error, the plan
 * (as {@code Plan.toJson()}), the field-level diff, the steps, the hooks (when the run had any) and the health of
 * applied resources.
 */
public final class ResultJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {
    }

    /**
     * Renders a result as a JSON tree.
     *
     * @param result the run's result
     * @return a new tree the caller owns; secret values are redacted
     */
    public static ObjectNode of(ReconcileResult result) {
        requireNonNull(result, "result is null");
        ObjectNode root = JSON.createObjectNode();
        root.put("application", result.application());
        result.revision().ifPresentOrElse(revision -> root.putObject("revision").put("id", revision.id())
                .put("digest", revision.digest()), () -> root.putNull("revision"));
        root.put("outcome", result.outcome().name());
        root.put("succeeded", result.succeeded());
        root.put("inSync", !result.plan().hasChanges());
        result.error().ifPresentOrElse(error -> root.put("error", error), () -> root.putNull("error"));
        root.put("durationMillis", result.duration().toMillis());
        root.set("plan", parse(result.plan().toJson()));
        root.set("diff", DiffFormatter.defaults().json(PlanDiffs.of(result.plan())));
        for (StepResult step : result.steps()) {
            root.withArray("steps").addObject().put("key", step.key().toString())
                    .put("action", step.action().name()).put("status", step.status().name())
                    .put("message", step.message()).put("durationMillis", step.duration().toMillis());
        }
        for (HookResult hook : result.hooks()) {
            root.withArray("hooks").addObject().put("phase", hook.phase().argoName()).put("key", hook.key().toString())
                    .put("name", hook.name()).put("status", hook.status().name()).put("message", hook.message())
                    .put("durationMillis", hook.duration().toMillis());
        }
        root.set("health", health(result.health()));
        return root;
    }

    /**
     * Renders resource health as a JSON object keyed by resource key.
     *
     * @param health the health of each resource
     * @return a new object: {@code {"<key>": {"status": "...", "message": "..."}}}
     */
    public static ObjectNode health(Map<ResourceKey, Health> health) {
        ObjectNode node = JSON.createObjectNode();
        health.forEach((key, value) -> node.putObject(key.toString()).put("status", value.status().name())
                .put("message", value.message()));
        return node;
    }

    /**
     * Writes a tree as pretty-printed JSON text.
     *
     * @param node the tree
     * @return the text, without a trailing line break
     */
    public static String text(ObjectNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a tree as compact JSON on one line, for JSON Lines output.
     *
     * @param node the tree
     * @return the text, without line breaks
     */
    public static String compact(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the plan rendered invalid JSON", e);
        }
    }
}
