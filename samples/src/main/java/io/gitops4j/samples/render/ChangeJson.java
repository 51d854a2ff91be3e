package io.gitops4j.samples.render;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.diff.ChangeType;
import io.gitops4j.diff.FieldChange;
import io.gitops4j.diff.FieldPath;
import io.gitops4j.diff.ResourceDiff;
import io.gitops4j.model.Revision;
import io.gitops4j.plan.Plan;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one JSON vocabulary of {@code plan}, {@code diff} and {@code apply}, for scripts:
 * <pre>
 * {"command": "plan", "application": "shop", "revision": {"id": "...", "digest": "..."},
 *  "inSync": false, "summary": {"create": 1, "update": 1, "delete": 0, "unchanged": 3},
 *  "resources": [{"key": "apps/Deployment/shop/web", "action": "UPDATE", "changes": [
 *      {"path": "spec.template.spec.containers[name=web].image", "pointer": "/spec/template/spec/containers/0/image",
 *       "op": "replace", "before": "web:1", "after": "web:2", "redacted": false}]}],
 *  "errors": [{"key": "...", "action": "UPDATE", "message": "..."}],
 *  "error": null}
 * </pre>
 * A create carries its {@code body} (secret values redacted); {@code apply} adds each resource's {@code status} and
 * {@code message}, and {@code outcome}, {@code health} and {@code durationMillis}. {@code error} is
 * {@code {"message": ...}} whenever the command exits 1, else {@code null}; a command that cannot run at all prints
 * only {@code {"error": {"message": ..., "type": ...}}}. Secret values never appear. Stateless.
 */
public final class ChangeJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ChangeJson() {
    }

    /**
     * Starts a document: command, application, revision.
     *
     * @param command {@code plan}, {@code diff}, {@code apply} or {@code rollback}
     * @param application the application
     * @param revision the revision, or empty when none was loaded
     * @return a new tree
     */
    public static ObjectNode document(String command, String application, Optional<Revision> revision) {
        ObjectNode root = NODES.objectNode().put("command", command).put("application", application);
        revision.ifPresentOrElse(r -> root.putObject("revision").put("id", r.id()).put("digest", r.digest()),
                () -> root.putNull("revision"));
        return root;
    }

    /**
     * Adds a plan's summary and {@code inSync}.
     *
     * @param root the document
     * @param plan the plan
     */
    public static void summary(ObjectNode root, Plan plan) {
        root.put("inSync", !plan.hasChanges());
        ObjectNode summary = root.putObject("summary");
        summary.put("create", plan.count(ChangeType.CREATE)).put("update", plan.count(ChangeType.UPDATE))
                .put("delete", plan.count(ChangeType.DELETE)).put("unchanged", plan.count(ChangeType.NONE));
    }

    /**
     * Renders one resource that changes: key, action, changes, and the body of a create.
     *
     * @param diff the resource's diff
     * @return a new object
     */
    public static ObjectNode resource(ResourceDiff diff) {
        requireNonNull(diff, "diff is null");
        ObjectNode node = NODES.objectNode().put("key", diff.key().toString()).put("action", diff.type().name());
        ArrayNode changes = node.putArray("changes");
        for (FieldChange change : diff.changes()) {
            changes.add(change(change, FieldPath.readable(change, diff), isSecret(diff)));
        }
        if (diff instanceof ResourceDiff.Create create) {
            node.set("body", ResourceBody.redacted(create.desired()));
        }
        return node;
    }

    /**
     * Renders errors.
     *
     * @param errors the errors
     * @return a new array of {@code {"key", "action", "message"}}
     */
    public static ArrayNode errors(List<PlanError> errors) {
        ArrayNode array = NODES.arrayNode();
        errors.forEach(e -> array.addObject().put("key", e.key()).put("action", e.action()).put("message", e.message()));
        return array;
    }

    /**
     * Sets {@code error}: {@code {"message": ...}}, or {@code null}.
     *
     * @param root the document
     * @param message the error of an exit 1, or empty
     */
    public static void error(ObjectNode root, Optional<String> message) {
        message.ifPresentOrElse(m -> root.putObject("error").put("message", m), () -> root.putNull("error"));
    }

    /**
     * Returns the document of a command that could not run.
     *
     * @param message what is wrong
     * @param type the kind of failure, e.g. the exception's simple name
     * @return {@code {"error": {"message": ..., "type": ...}}}
     */
    public static ObjectNode failure(String message, String type) {
        ObjectNode root = NODES.objectNode();
        root.putObject("error").put("message", message).put("type", type);
        return root;
    }

    private static ObjectNode change(FieldChange change, String path, boolean secret) {
        boolean redacted = change.redacted() || (secret && (change.path().startsWith("/data")
                || change.path().startsWith("/stringData") || change.path().isEmpty()));
        ObjectNode node = NODES.objectNode().put("path", path).put("pointer", change.path())
                .put("op", change.operation().name().toLowerCase(Locale.ROOT));
        value(node, "before", change.oldValue(), redacted);
        value(node, "after", change.newValue(), redacted);
        return node.put("redacted", redacted);
    }

    private static void value(ObjectNode node, String field, JsonNode value, boolean redacted) {
        if (value != null) {
            node.set(field, redacted ? NODES.textNode(ResourceBody.REDACTED) : value);
        }
    }

    private static boolean isSecret(ResourceDiff diff) {
        return diff.key().group().isEmpty() && diff.key().kind().equals("Secret");
    }
}
