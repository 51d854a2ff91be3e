package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One field that differs between live and desired.
 *
 * <p>Values are deep-copied in and out. A redacted change carries {@link #REDACTED} in place of both values, so
 * a rendering of it can never leak a secret.
 *
 * @param path JSON Pointer of the field, e.g. {@code /spec/template/spec/containers/0/image}
 * @param operation add, remove or replace
 * @param oldValue the live value, or {@code null} for {@link Operation#ADD}
 * @param newValue the desired value, or {@code null} for {@link Operation#REMOVE}
 * @param redacted whether the values were replaced because they are sensitive
 */
public record FieldChange(String path, Operation operation, JsonNode oldValue, JsonNode newValue, boolean redacted) {

    /** The value shown in place of a sensitive one. */
    public static final JsonNode REDACTED = TextNode.valueOf("<redacted>");

    /** How a field changes. */
    public enum Operation {
        /** Declared in desired, absent live. */
        ADD,
        /** Present live, applied before, no longer declared. */
        REMOVE,
        /** Present in both, with different values. */
        REPLACE
    }

    /** Validates and copies the components. */
    public FieldChange {
        requireNonNull(path, "path is null");
        requireNonNull(operation, "operation is null");
        oldValue = oldValue == null ? null : oldValue.deepCopy();
        newValue = newValue == null ? null : newValue.deepCopy();
    }

    /**
     * Returns an addition.
     *
     * @param path JSON Pointer
     * @param newValue the desired value
     * @return the change
     */
    public static FieldChange add(String path, JsonNode newValue) {
        return new FieldChange(path, Operation.ADD, null, newValue, false);
    }

    /**
     * Returns a removal.
     *
     * @param path JSON Pointer
     * @param oldValue the live value
     * @return the change
     */
    public static FieldChange remove(String path, JsonNode oldValue) {
        return new FieldChange(path, Operation.REMOVE, oldValue, null, false);
    }

    /**
     * Returns a replacement.
     *
     * @param path JSON Pointer
     * @param oldValue the live value
     * @param newValue the desired value
     * @return the change
     */
    public static FieldChange replace(String path, JsonNode oldValue, JsonNode newValue) {
        return new FieldChange(path, Operation.REPLACE, oldValue, newValue, false);
    }

    /**
     * Returns this change with both values replaced by {@link #REDACTED}.
     *
     * @return the redacted change
     */
    public FieldChange redact() {
        return new FieldChange(path, operation, oldValue == null ? null : REDACTED,
                newValue == null ? null : REDACTED, true);
    }

    @Override
    public JsonNode oldValue() {
        return oldValue == null ? null : oldValue.deepCopy();
    }

    @Override
    public JsonNode newValue() {
        return newValue == null ? null : newValue.deepCopy();
    }

    /**
     * Renders as {@code REPLACE /spec/replicas: 2 -> 3}; a redacted change shows {@code <redacted>} and never its
     * values; long values are shortened.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(operation.name()).append(' ').append(path);
        if (oldValue != null || newValue != null) {
            text.append(": ");
        }
        if (oldValue != null) {
            text.append(ValueText.render(oldValue, redacted, 100));
        }
        if (oldValue != null && newValue != null) {
            text.append(" -> ");
        }
        if (newValue != null) {
            text.append(ValueText.render(newValue, redacted, 100));
        }
        return text.toString();
    }
}
