package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.ResourceKey;
import java.util.Locale;

/**
 * Renders diffs for people and for machines: stable text in the style of {@code kubectl diff} and
 * {@code terraform plan}, and JSON.
 *
 * <p>Text, one resource after another in key order (resources in sync are left out of a state's text):
 * <pre>
 * ~ apps/Deployment/shop/web
 *   ~ /spec/replicas: 2 -&gt; 3
 *   + /metadata/labels/tier: "front"
 *   - /metadata/labels/old: "x"
 * + ConfigMap/shop/settings (new)
 * - ConfigMap/shop/legacy (delete)
 * 3 to change: 1 create, 1 update, 1 delete; 4 in sync
 * </pre>
 * Values are canonical JSON (sorted keys, numbers by value), shortened past {@link Builder#maxValueLength}.
 *
 * <p>JSON: an object with {@code summary} (the count of each {@link ChangeType}, lower case) and
 * {@code resources}: for each resource that changes, its {@code key}, {@code group}, {@code kind},
 * {@code namespace}, {@code name}, {@code type} and {@code changes}, each change with {@code op} ({@code add},
 * {@code remove}, {@code replace}), {@code path}, {@code old} and {@code new} (when present) and
 * {@code redacted}.
 *
 * <p>Redacted values never appear: a change marked redacted, or any change under {@code /data} or
 * {@code /stringData} of a core {@code Secret} (even from a differ that forgot to redact), shows
 * {@code <redacted>}. The output is deterministic: the same diff gives the same bytes. Immutable and
 * thread-safe.
 */
public final class DiffFormatter {
    private static final DiffFormatter DEFAULTS = builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final int maxValueLength;
    private final boolean readablePaths;

    private DiffFormatter(Builder builder) {
        this.maxValueLength = builder.maxValueLength;
        this.readablePaths = builder.readablePaths;
    }

    /**
     * Returns a formatter that shortens values past 200 characters.
     *
     * @return the shared default formatter
     */
    public static DiffFormatter defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder with the defaults set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders the resources that change, then a summary line.
     *
     * @param diff the state diff
     * @return text with {@code \n} line ends
     */
    public String text(StateDiff diff) {
        requireNonNull(diff, "diff is null");
        StringBuilder text = new StringBuilder(256);
        for (ResourceDiff resource : diff.resources().values()) {
            if (resource.hasChanges()) {
                appendResource(text, resource);
            }
        }
        int changed = diff.resources().size() - diff.count(ChangeType.NONE);
        text.append(changed).append(" to change: ")
                .append(diff.count(ChangeType.CREATE)).append(" create, ")
                .append(diff.count(ChangeType.UPDATE)).append(" update, ")
                .append(diff.count(ChangeType.DELETE)).append(" delete; ")
                .append(diff.count(ChangeType.NONE)).append(" in sync\n");
        return text.toString();
    }

    /**
     * Renders one resource: its line, then one line per field change.
     *
     * @param diff the resource diff
     * @return text with {@code \n} line ends; a resource in sync renders as {@code = key (in sync)}
     */
    public String text(ResourceDiff diff) {
        requireNonNull(diff, "diff is null");
        StringBuilder text = new StringBuilder(128);
        appendResource(text, diff);
        return text.toString();
    }

    private void appendResource(StringBuilder text, ResourceDiff diff) {
        ResourceKey key = diff.key();
        switch (diff.type()) {
            case CREATE:
                text.append("+ ").append(key).append(" (new)\n");
                break;
            case DELETE:
                text.append("- ").append(key).append(" (delete)\n");
                return;
            case NONE:
                text.append("= ").append(key).append(" (in sync)\n");
                return;
            default:
                text.append("~ ").append(key).append('\n');
                break;
        }
        for (FieldChange change : diff.changes()) {
            appendChange(text, key, change, readablePaths ? FieldPath.readable(change, diff) : change.path());
        }
    }

    private void appendChange(StringBuilder text, ResourceKey key, FieldChange change, String path) {
        boolean redacted = ValueText.isRedacted(key, change);
        text.append("  ").append(symbol(change.operation())).append(' ').append(path).append(": ");
        switch (change.operation()) {
            case ADD:
                text.append(ValueText.render(change.newValue(), redacted, maxValueLength));
                break;
            case REMOVE:
                text.append(ValueText.render(change.oldValue(), redacted, maxValueLength));
                break;
            default:
                text.append(ValueText.render(change.oldValue(), redacted, maxValueLength)).append(" -> ")
                        .append(ValueText.render(change.newValue(), redacted, maxValueLength));
                break;
        }
        text.append('\n');
    }

    private static char symbol(FieldChange.Operation operation) {
        switch (operation) {
            case ADD:
                return '+';
            case REMOVE:
                return '-';
            default:
                return '~';
        }
    }

    /**
     * Renders a state diff as JSON: a summary of counts and the resources that change.
     *
     * @param diff the state diff
     * @return a new tree the caller owns
     */
    public ObjectNode json(StateDiff diff) {
        requireNonNull(diff, "diff is null");
        ObjectNode root = NODES.objectNode();
        ObjectNode summary = root.putObject("summary");
        for (ChangeType type : ChangeType.values()) {
            summary.put(type.name().toLowerCase(Locale.ROOT), diff.count(type));
        }
        ArrayNode resources = root.putArray("resources");
        for (ResourceDiff resource : diff.resources().values()) {
            if (resource.hasChanges()) {
                resources.add(json(resource));
            }
        }
        return root;
    }

    /**
     * Renders one resource diff as JSON.
     *
     * @param diff the resource diff
     * @return a new tree the caller owns
     */
    public ObjectNode json(ResourceDiff diff) {
        requireNonNull(diff, "diff is null");
        ResourceKey key = diff.key();
        ObjectNode node = NODES.objectNode();
        node.put("key", key.toString());
        node.put("group", key.group());
        node.put("kind", key.kind());
        node.put("namespace", key.namespace());
        node.put("name", key.name());
        node.put("type", diff.type().name());
        ArrayNode changes = node.putArray("changes");
        for (FieldChange change : diff.changes()) {
            changes.add(json(key, change));
        }
        return node;
    }

    private static ObjectNode json(ResourceKey key, FieldChange change) {
        boolean redacted = ValueText.isRedacted(key, change);
        ObjectNode node = NODES.objectNode();
        node.put("op", change.operation().name().toLowerCase(Locale.ROOT));
        node.put("path", change.path());
        putValue(node, "old", change.oldValue(), redacted);
        putValue(node, "new", change.newValue(), redacted);
        node.put("redacted", redacted);
        return node;
    }

    private static void putValue(ObjectNode node, String field, JsonNode value, boolean redacted) {
        if (value != null) {
            node.set(field, redacted ? FieldChange.REDACTED.deepCopy() : value);
        }
    }

    /**
     * Renders a state diff as compact JSON text (the form of {@link #json(StateDiff)}).
     *
     * @param diff the state diff
     * @return JSON text, the same bytes for the same diff
     */
    public String jsonText(StateDiff diff) {
        return json(diff).toString();
    }

    /**
     * Renders one resource diff as compact JSON text (the form of {@link #json(ResourceDiff)}).
     *
     * @param diff the resource diff
     * @return JSON text, the same bytes for the same diff
     */
    public String jsonText(ResourceDiff diff) {
        return json(diff).toString();
    }

    @Override
    public String toString() {
        return "DiffFormatter{maxValueLength=" + maxValueLength + ", readablePaths=" + readablePaths + "}";
    }

    /** Builds a {@link DiffFormatter}. Not thread-safe; the built formatter is. */
    public static final class Builder {
        private int maxValueLength = 200;
        private boolean readablePaths;

        private Builder() {
        }

        /**
         * Makes the text name fields as people read them ({@link FieldPath}):
         * {@code spec.template.spec.containers[name=web].image} instead of the JSON Pointer
         * {@code /spec/template/spec/containers/0/image}. Off by default; JSON output always carries the pointer.
         *
         * @param value {@code true} for readable paths
         * @return this builder
         */
        public Builder readablePaths(boolean value) {
            this.readablePaths = value;
            return this;
        }

        /**
         * Sets how many characters of a value the text shows before shortening it (JSON output is never
         * shortened).
         *
         * @param maxValueLength at least 8
         * @return this builder
         * @throws IllegalArgumentException when below 8
         */
        public Builder maxValueLength(int maxValueLength) {
            if (maxValueLength < 8) {
                throw new IllegalArgumentException("maxValueLength must be at least 8, got " + maxValueLength);
            }
            this.maxValueLength = maxValueLength;
            return this;
        }

        /**
         * Builds the formatter.
         *
         * @return an immutable, thread-safe formatter
         */
        public DiffFormatter build() {
            return new DiffFormatter(this);
        }
    }
}
