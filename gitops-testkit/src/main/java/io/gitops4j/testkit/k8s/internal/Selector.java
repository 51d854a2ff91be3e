package io.gitops4j.testkit.k8s.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.kinds.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label and field selectors as the list and watch endpoints accept them.
 *
 * <p>Label selectors are Kubernetes' own syntax, parsed and matched by {@link LabelSelector} (equality, set-based,
 * existence and integer requirements, with Kubernetes' messages for malformed ones). Field selectors support
 * {@code metadata.name} and {@code metadata.namespace} with {@code =}, {@code ==} and {@code !=}.
 */
public final class Selector {

    private static final Set<String> FIELDS = Set.of("metadata.name", "metadata.namespace");

    private final LabelSelector labels;
    private final List<Predicate<JsonNode>> fields;

    private Selector(LabelSelector labels, List<Predicate<JsonNode>> fields) {
        this.labels = labels;
        this.fields = List.copyOf(fields);
    }

    /** Whether the object satisfies every requirement. */
    public boolean matches(JsonNode object) {
        return labels.matches(object.path("metadata").get("labels")) && fields.stream().allMatch(r -> r.test(object));
    }

    /**
     * Parses a {@code labelSelector} and a {@code fieldSelector} query value (either may be empty).
     *
     * @throws ApiError 400 when either is malformed or names an unsupported field
     */
    public static Selector parse(String labelSelector, String fieldSelector) {
        LabelSelector labels;
        try {
            labels = LabelSelector.parse(labelSelector);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        List<Predicate<JsonNode>> fields = new ArrayList<>();
        for (String term : fieldSelector.split(",")) {
            if (!term.isBlank()) {
                fields.add(fieldRequirement(term.trim()));
            }
        }
        return new Selector(labels, fields);
    }

    private static Predicate<JsonNode> fieldRequirement(String term) {
        String[] eq = splitOperator(term);
        if (eq == null || !FIELDS.contains(eq[0])) {
            throw ApiError.badRequest("field label not supported: " + (eq == null ? term : eq[0]));
        }
        String field = eq[0].substring("metadata.".length());
        boolean negate = eq[1].equals("!=");
        return o -> negate != Json.text(o.path("metadata"), field).equals(eq[2]);
    }

    private static String[] splitOperator(String term) {
        for (String op : List.of("!=", "==", "=")) {
            int at = term.indexOf(op);
            if (at > 0) {
                return new String[] {term.substring(0, at).trim(), op, term.substring(at + op.length()).trim()};
            }
        }
        return null;
    }
}
