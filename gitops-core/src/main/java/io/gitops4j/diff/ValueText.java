package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.model.CanonicalJson;
import io.gitops4j.model.ResourceKey;

/**
 * How a field value is written in human-readable output: canonical JSON (sorted keys, numbers by value),
 * shortened past a limit, and {@code <redacted>} for anything sensitive. Stateless.
 */
final class ValueText {
    static final String REDACTED = FieldChange.REDACTED.textValue();

    private ValueText() {
    }

    /** Writes a value, or {@code <redacted>}; long values end with the number of characters left out. */
    static String render(JsonNode value, boolean redacted, int maxLength) {
        if (redacted) {
            return REDACTED;
        }
        String text = CanonicalJson.toString(value);
        if (text.length() <= maxLength) {
            return text;
        }
        return text.substring(0, maxLength) + "... (" + (text.length() - maxLength) + " more characters)";
    }

    /**
     * Tells whether a change must not show its values: it says so, or it is under {@code /data} or
     * {@code /stringData} of a core {@code Secret} (a safety net for diffs made by other differs).
     */
    static boolean isRedacted(ResourceKey key, FieldChange change) {
        return change.redacted() || (SecretData.isSecret(key) && isSecretDataPath(change.path()));
    }

    private static boolean isSecretDataPath(String path) {
        return path.isEmpty() || isUnder(path, "/data") || isUnder(path, "/stringData");
    }

    private static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
