package io.gitops4j.kinds;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector in its text form, as {@code kubectl -l}, the API's {@code labelSelector} query
 * parameter and Kustomize's patch targets take it: comma-separated requirements that must all hold —
 * {@code key=value}, {@code key==value}, {@code key!=value}, {@code key in (a,b)}, {@code key notin (a,b)},
 * {@code key} (exists), {@code !key} (does not exist), and {@code key>5}, {@code key<5} (64-bit integers). Values may
 * be empty ({@code key=}, {@code key in ()}); the words {@code in} and {@code notin} are keys or values where one is
 * expected. Keys and values are validated as Kubernetes validates label keys and values, and a malformed selector
 * is refused with Kubernetes' own message (e.g. {@code unable to parse requirement: found '', expected: ',' or
 * ')'}), as {@code kubectl kustomize} prints it. The empty selector matches everything.
 *
 * <p>Immutable and thread-safe; two selectors are equal when they hold the same requirements.
 */
public final class LabelSelector {
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<SelectorRequirement> requirements;

    private LabelSelector(List<SelectorRequirement> requirements) {
        this.requirements = requirements.stream().sorted(Comparator.comparing(SelectorRequirement::key)
                .thenComparing(SelectorRequirement::toString)).toList();
    }

    /**
     * Parses a selector's text.
     *
     * @param text the selector, e.g. {@code app=web,tier in (front,back),!canary}; {@code ""} selects everything
     * @return the selector
     * @throws IllegalArgumentException when the text is not a selector, with Kubernetes' message saying what was
     *     found where and what was expected, or which key or value is invalid and why
     * @throws NullPointerException when the text is {@code null}
     */
    public static LabelSelector parse(String text) {
        requireNonNull(text, "text is null");
        List<SelectorRequirement> requirements = LabelSelectorParser.parse(text);
        return requirements.isEmpty() ? EVERYTHING : new LabelSelector(requirements);
    }

    /**
     * Returns the selector that matches every set of labels (the empty selector).
     *
     * @return the empty selector
     */
    public static LabelSelector everything() {
        return EVERYTHING;
    }

    /**
     * Tells whether the selector has no requirement, so it matches everything.
     *
     * @return {@code true} for the empty selector
     */
    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /**
     * Tells whether labels satisfy every requirement.
     *
     * @param labels label key to value; a key that is absent (or maps to {@code null}) is not set
     * @return {@code true} when selected
     */
    public boolean matches(Map<String, String> labels) {
        requireNonNull(labels, "labels is null");
        return requirements.stream().allMatch(r -> r.matches(labels::get));
    }

    /**
     * Tells whether the labels (or annotations) of an object satisfy every requirement, read from its
     * {@code metadata.labels} tree: a missing or non-map node has no labels, a {@code null} value is not set, and
     * other values are compared as their text.
     *
     * @param labels the map node, or {@code null} when the object has none
     * @return {@code true} when selected
     */
    public boolean matches(JsonNode labels) {
        if (labels == null || !labels.isObject()) {
            return requirements.stream().allMatch(r -> r.matches(key -> null));
        }
        return requirements.stream().allMatch(r -> r.matches(key -> {
            JsonNode value = labels.get(key);
            return value == null || value.isNull() ? null : value.asText();
        }));
    }

    /**
     * Renders the selector as Kubernetes does: requirements sorted by key, values sorted, e.g.
     * {@code app=web,tier in (back,front)}; parsing the text gives an equal selector.
     *
     * @return the canonical text; {@code ""} for the empty selector
     */
    @Override
    public String toString() {
        return requirements.stream().map(SelectorRequirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSelector that && requirements.equals(that.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }
}
