package io.gitops4j.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitops4j.ManifestException;
import io.gitops4j.kinds.LabelSelector;
import io.gitops4j.model.Provenance;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A patch's {@code target} selector: {@code group}, {@code version}, {@code kind}, {@code name}, {@code namespace}
 * (each a regular expression matched against the whole value, as Kustomize anchors it: {@code ^(?:...)$}),
 * {@code labelSelector} and {@code annotationSelector} (Kubernetes label selector syntax, see {@link LabelSelector}:
 * {@code =}, {@code ==}, {@code !=}, {@code in (...)}, {@code notin (...)}, {@code key}, {@code !key}, {@code >},
 * {@code <}; a comma means "and"). A field left out matches everything. Immutable and thread-safe.
 */
public final class PatchTarget {
    private static final Set<String> FIELDS = Set.of("group", "version", "kind", "name", "namespace",
            "labelSelector", "annotationSelector");

    private final String group;
    private final String version;
    private final String kind;
    private final String name;
    private final String namespace;
    private final String labelSelector;
    private final String annotationSelector;
    private final List<Pattern> patterns;
    private final LabelSelector labels;
    private final LabelSelector annotations;

    private PatchTarget(JsonNode target, Provenance where) {
        this.group = field(target, "group", where);
        this.version = field(target, "version", where);
        this.kind = field(target, "kind", where);
        this.name = field(target, "name", where);
        this.namespace = field(target, "namespace", where);
        this.labelSelector = field(target, "labelSelector", where);
        this.annotationSelector = field(target, "annotationSelector", where);
        List<Pattern> compiled = new ArrayList<>();
        for (String[] regex : new String[][] {{"group", group}, {"version", version}, {"kind", kind},
                {"name", name}, {"namespace", namespace}}) {
            compiled.add(regex[1] == null ? null : compile(regex[0], regex[1], where));
        }
        this.patterns = java.util.Collections.unmodifiableList(compiled);
        this.labels = selector("labelSelector", labelSelector, where);
        this.annotations = selector("annotationSelector", annotationSelector, where);
    }

    /**
     * Parses a {@code target} mapping.
     *
     * @param target the mapping
     * @param where where it was declared, for errors
     * @return the selector
     * @throws io.gitops4j.ManifestException when a field is unknown or a regular expression or selector is invalid
     */
    public static PatchTarget parse(JsonNode target, Provenance where) {
        if (target == null || !target.isObject()) {
            throw new ManifestException(where, "patch target must be a map of group, version, kind, name, namespace,"
                    + " labelSelector and annotationSelector");
        }
        for (Iterator<String> names = target.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new ManifestException(where, "unknown field 'target." + field + "' of a patch; expected "
                        + "group, version, kind, name, namespace, labelSelector or annotationSelector");
            }
        }
        return new PatchTarget(target, where);
    }

    /**
     * Tells whether an object is selected. The name and namespace compared are the object's current ones (after
     * prefixes and suffixes of the kustomization that declares the patch, as Kustomize compares them).
     *
     * @param object a whole Kubernetes object
     * @return {@code true} when every set field matches
     */
    public boolean matches(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        JsonNode metadata = object.path("metadata");
        String[] values = {slash < 0 ? "" : apiVersion.substring(0, slash), apiVersion.substring(slash + 1),
            object.path("kind").asText(""), metadata.path("name").asText(""), metadata.path("namespace").asText("")};
        for (int i = 0; i < values.length; i++) {
            Pattern pattern = patterns.get(i);
            if (pattern != null && !pattern.matcher(values[i]).matches()) {
                return false;
            }
        }
        return (labels == null || labels.matches(metadata.get("labels")))
                && (annotations == null || annotations.matches(metadata.get("annotations")));
    }

    /**
     * Returns the group regular expression.
     *
     * @return the expression as written, or empty when not set
     */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /**
     * Returns the version regular expression.
     *
     * @return the expression as written, or empty when not set
     */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /**
     * Returns the kind regular expression.
     *
     * @return the expression as written, or empty when not set
     */
    public Optional<String> kind() {
        return Optional.ofNullable(kind);
    }

    /**
     * Returns the name regular expression.
     *
     * @return the expression as written, or empty when not set
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Returns the namespace regular expression.
     *
     * @return the expression as written, or empty when not set
     */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    /**
     * Returns the label selector.
     *
     * @return the selector as written, or empty when not set
     */
    public Optional<String> labelSelector() {
        return Optional.ofNullable(labelSelector);
    }

    /**
     * Returns the annotation selector.
     *
     * @return the selector as written, or empty when not set
     */
    public Optional<String> annotationSelector() {
        return Optional.ofNullable(annotationSelector);
    }

    /** Renders the set fields, e.g. {@code target{kind=Deployment, labelSelector=app=web}}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("target{");
        String[][] fields = {{"group", group}, {"version", version}, {"kind", kind}, {"name", name},
            {"namespace", namespace}, {"labelSelector", labelSelector}, {"annotationSelector", annotationSelector}};
        String separator = "";
        for (String[] field : fields) {
            if (field[1] != null) {
                text.append(separator).append(field[0]).append('=').append(field[1]);
                separator = ", ";
            }
        }
        return text.append('}').toString();
    }

    private static String field(JsonNode target, String field, Provenance where) {
        JsonNode value = target.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new ManifestException(where, "'target." + field + "' of a patch must be a string");
        }
        return value.asText();
    }

    private static Pattern compile(String field, String regex, Provenance where) {
        try {
            return Pattern.compile("^(?:" + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw new ManifestException(where, "'target." + field + "' of a patch is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }

    private static LabelSelector selector(String field, String text, Provenance where) {
        if (text == null) {
            return null;
        }
        try {
            return LabelSelector.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(where, "'target." + field + "' of a patch is not a valid selector: "
                    + e.getMessage(), e);
        }
    }
}
