package io.gitops4j.samples.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.health.Health;
import io.gitops4j.target.HealthAssessment;
import io.gitops4j.health.HealthStatus;
import io.gitops4j.model.ResourceKey;
import java.util.Locale;
import java.util.Map;

/**
 * Renders resource health as an aligned table, one resource a line, then the overall status
 * ({@link HealthAssessment#aggregate()}).
 */
public final class HealthText {

    private HealthText() {
    }

    /**
     * Renders a health table.
     *
     * @param health the health of each resource, in the order to show
     * @param indent the prefix of every line
     * @return text with {@code \n} line ends; {@code "(no resources)"} for an empty map
     */
    public static String render(Map<ResourceKey, Health> health, String indent) {
        requireNonNull(health, "health is null");
        requireNonNull(indent, "indent is null");
        if (health.isEmpty()) {
            return indent + "(no resources)\n";
        }
        int width = health.keySet().stream().mapToInt(key -> key.toString().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<ResourceKey, Health> entry : health.entrySet()) {
            Health value = entry.getValue();
            text.append(indent).append(pad(entry.getKey().toString(), width)).append("  ")
                    .append(label(value.status()));
            if (!value.message().isEmpty()) {
                text.append("  (").append(value.message()).append(')');
            }
            text.append('\n');
        }
        return text.append(indent).append("overall: ")
                .append(label(HealthAssessment.of(health).aggregate())).append('\n').toString();
    }

    /**
     * Returns a status as a word: {@code Healthy}, {@code Progressing}, ...
     *
     * @param status the status
     * @return the capitalised name
     */
    public static String label(HealthStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
