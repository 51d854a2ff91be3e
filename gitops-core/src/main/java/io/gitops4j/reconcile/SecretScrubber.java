package io.gitops4j.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the values of a run's Secrets with {@value #MASK} in a text: the {@code data} values of every core
 * {@code Secret} in the desired state (as base64 and decoded) and its {@code stringData} values (as given and
 * base64-encoded), so that a server, webhook or proxy echoing a request body in an error cannot carry a secret into
 * step messages, run errors, listener events or logs. Values shorter than {@value #MINIMUM_LENGTH} characters
 * (decoded) are not replaced: such values (a user name such as {@code shop}) are ordinary words of the messages,
 * and masking them would garble names of namespaces and objects. Immutable and thread-safe.
 */
final class SecretScrubber {
    /** What a secret value is replaced with. */
    static final String MASK = "***";
    /** The shortest value (decoded) replaced. */
    static final int MINIMUM_LENGTH = 8;
    /** A scrubber that knows no secret and returns every text unchanged. */
    static final SecretScrubber NONE = new SecretScrubber(List.of());

    private final List<String> values;

    private SecretScrubber(List<String> values) {
        this.values = values;
    }

    /** Collects the secret values of a desired state. */
    static SecretScrubber of(DesiredState desired) {
        Set<String> values = new LinkedHashSet<>();
        for (Resource resource : desired.resources().values()) {
            if (resource.key().group().isEmpty() && resource.key().kind().equals("Secret")) {
                addData(values, resource.tree().get("data"));
                addStringData(values, resource.tree().get("stringData"));
            }
        }
        if (values.isEmpty()) {
            return NONE;
        }
        List<String> longestFirst = new ArrayList<>(values);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretScrubber(List.copyOf(longestFirst));
    }

    /** Returns the text with every known secret value replaced by {@value #MASK}; {@code null} stays {@code null}. */
    String scrub(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String scrubbed = text;
        for (String value : values) {
            scrubbed = scrubbed.replace(value, MASK);
        }
        return scrubbed;
    }

    /** Returns a step with its message scrubbed; the same step when nothing was replaced. */
    StepResult scrub(StepResult step) {
        String message = scrub(step.message());
        return message.equals(step.message()) ? step
                : new StepResult(step.key(), step.action(), step.status(), message, step.duration());
    }

    private static void addData(Set<String> values, JsonNode data) {
        for (String encoded : texts(data)) {
            try {
                add(values, new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8), encoded);
            } catch (IllegalArgumentException notBase64) {
                add(values, encoded, encoded); // the server rejects it anyway; the text itself is masked
            }
        }
    }

    private static void addStringData(Set<String> values, JsonNode stringData) {
        for (String plain : texts(stringData)) {
            add(values, plain, Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<String> texts(JsonNode map) {
        List<String> texts = new ArrayList<>();
        if (map != null && map.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                JsonNode value = it.next().getValue();
                if (value.isValueNode() && !value.isNull()) {
                    texts.add(value.asText());
                }
            }
        }
        return texts;
    }

    private static void add(Set<String> values, String plain, String encoded) {
        if (plain.length() >= MINIMUM_LENGTH) {
            values.add(plain);
            values.add(encoded);
        }
    }
}
