package io.gitops4j.kustomize;

import io.gitops4j.ManifestException;
import io.gitops4j.model.Provenance;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Kustomize's default field specs (the {@code fieldspecs.txt} resource, taken from Kustomize v5.5): where
 * {@code commonLabels}, {@code commonAnnotations}, {@code namespace}, {@code images}, {@code replicas} and name
 * prefixes write, and which fields refer to which kinds by name. Immutable.
 */
final class FieldSpecTable {
    /** One kind that is referred to by name, and the fields that refer to it. */
    record BackReference(Gvk target, List<FieldSpec> referrers) {
    }

    private static final FieldSpecTable DEFAULTS = load();

    private final Map<String, List<FieldSpec>> sections;
    private final List<BackReference> nameReferences;

    private FieldSpecTable(Map<String, List<FieldSpec>> sections, List<BackReference> nameReferences) {
        this.sections = sections;
        this.nameReferences = nameReferences;
    }

    /** Returns the default table. */
    static FieldSpecTable defaults() {
        return DEFAULTS;
    }

    /** Returns the field specs of a section ({@code commonLabels}, {@code templateLabels}, ...). */
    List<FieldSpec> section(String name) {
        List<FieldSpec> specs = sections.get(name);
        if (specs == null) {
            throw new IllegalArgumentException("no field spec section " + name);
        }
        return specs;
    }

    /** Returns the name references, in the order Kustomize applies them. */
    List<BackReference> nameReferences() {
        return nameReferences;
    }

    /** Returns the union of field spec lists, without repeating a kind and path already listed. */
    static List<FieldSpec> union(List<FieldSpec> first, List<FieldSpec> second) {
        LinkedHashSet<FieldSpec> all = new LinkedHashSet<>(first);
        for (FieldSpec spec : second) {
            boolean known = all.stream().anyMatch(s -> s.gvk().equals(spec.gvk()) && s.path().equals(spec.path()));
            if (!known) {
                all.add(spec);
            }
        }
        return List.copyOf(all);
    }

    /**
     * Parses a {@code fieldSpecs} list of a kustomization or transformer configuration.
     *
     * @param node the list (missing or null for none)
     * @param where the file, for errors
     * @param field the field's name, for errors
     * @return the field specs
     */
    static List<FieldSpec> parse(JsonNode node, Provenance where, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ManifestException(where, "field '" + field + "' must be a list of field specs");
        }
        List<FieldSpec> result = new ArrayList<>();
        for (JsonNode item : node) {
            String path = item.path("path").asText("");
            if (!item.isObject() || path.isEmpty()) {
                throw new ManifestException(where, "field '" + field + "': every field spec needs a 'path'");
            }
            Gvk gvk = new Gvk(item.path("group").asText(""), item.path("version").asText(""),
                    item.path("kind").asText(""));
            result.add(new FieldSpec(gvk, path, item.path("create").asBoolean(false)));
        }
        return List.copyOf(result);
    }

    private static FieldSpecTable load() {
        String text;
        try (InputStream in = FieldSpecTable.class.getResourceAsStream("fieldspecs.txt")) {
            if (in == null) {
                throw new IllegalStateException("fieldspecs.txt is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fieldspecs.txt", e);
        }
        Map<String, List<FieldSpec>> sections = new HashMap<>();
        List<BackReference> references = new ArrayList<>();
        List<FieldSpec> current = null;
        Gvk target = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                flush(references, target, current);
                target = null;
                current = new ArrayList<>();
                sections.put(line.substring(1, line.length() - 1), current);
            } else if (line.startsWith("> ")) {
                flush(references, target, current);
                target = gvk(line.substring(2));
                current = new ArrayList<>();
            } else {
                String[] parts = line.split(" ");
                current.add(new FieldSpec(gvk(parts[0]), parts[1], parts.length > 2 && parts[2].equals("create")));
            }
        }
        flush(references, target, current);
        Map<String, List<FieldSpec>> frozen = new HashMap<>();
        sections.forEach((name, specs) -> frozen.put(name, List.copyOf(specs)));
        return new FieldSpecTable(Map.copyOf(frozen), List.copyOf(references));
    }

    private static void flush(List<BackReference> references, Gvk target, List<FieldSpec> specs) {
        if (target != null) {
            references.add(new BackReference(target, List.copyOf(specs)));
        }
    }

    private static Gvk gvk(String text) {
        String[] parts = text.split(":", -1);
        return new Gvk(parts[0], parts[1], parts[2]);
    }
}
