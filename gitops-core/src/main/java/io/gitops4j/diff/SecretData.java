package io.gitops4j.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Folds a core {@code Secret}'s {@code stringData} into {@code data} as the API server does: each value is
 * base64-encoded (UTF-8) into {@code data} under the same key, replacing a {@code data} entry of that key, and
 * {@code stringData} is dropped. The live object never has {@code stringData}, so desired must be compared in
 * this form. Stateless.
 */
final class SecretData {

    private SecretData() {
    }

    static boolean isSecret(ResourceKey key) {
        return key.group().isEmpty() && key.kind().equals("Secret");
    }

    /** Returns the tree itself when it has no {@code stringData} object, else a folded copy. */
    static JsonNode fold(JsonNode body) {
        JsonNode stringData = body.get("stringData");
        if (stringData == null || !stringData.isObject()) {
            return body;
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove("stringData");
        JsonNode existing = copy.get("data");
        ObjectNode data = existing != null && existing.isObject() ? (ObjectNode) existing : copy.putObject("data");
        Base64.Encoder encoder = Base64.getEncoder();
        for (Iterator<Map.Entry<String, JsonNode>> it = stringData.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            data.put(entry.getKey(), encoder.encodeToString(value.asText().getBytes(StandardCharsets.UTF_8)));
        }
        return copy;
    }
}
