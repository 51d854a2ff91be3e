package io.gitops4j.diff;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fields the differ must never report, like Argo CD's {@code ignoreDifferences}: a selector of resources by
 * group, kind, namespace and name (each a glob where {@code *} matches any run of characters), and the JSON
 * Pointers (RFC 6901) of the fields to ignore, in which a {@code *} segment matches any list index or map key.
 *
 * <p>An ignored field and everything under it produce no change, whichever side has it: not when desired
 * declares it, not when the last applied state had it. When a change covers a larger value (a list item added,
 * a whole list replaced), the ignored fields are left out of its values, and a replacement that differs only in
 * ignored fields is no change. For example, leave {@code /spec/replicas} of every
 * Deployment to an autoscaler:
 *
 * <pre>{@code
 * IgnoreRule.builder().group("apps").kind("Deployment").jsonPointers("/spec/replicas").build()
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal when all parts are equal.
 */
public final class IgnoreRule {
    private final String group;
    private final String kind;
    private final String namespace;
    private final String name;
    private final List<String> jsonPointers;
    private final List<PathPattern> patterns;

    private IgnoreRule(Builder builder) {
        this.group = builder.group;
        this.kind = builder.kind;
        this.namespace = builder.namespace;
        this.name = builder.name;
        this.jsonPointers = List.copyOf(builder.jsonPointers);
        List<PathPattern> compiled = new ArrayList<>(jsonPointers.size());
        for (String pointer : jsonPointers) {
            compiled.add(PathPattern.compile(pointer));
        }
        this.patterns = List.copyOf(compiled);
    }

    /**
     * Returns a builder that selects every resource and ignores nothing yet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a rule for every resource of a group and kind, in any namespace, with any name.
     *
     * @param group the API group glob, {@code ""} for the core group
     * @param kind the kind glob
     * @param jsonPointers the fields to ignore
     * @return the rule
     * @throws IllegalArgumentException when a pointer is not a JSON Pointer
     */
    public static IgnoreRule of(String group, String kind, String... jsonPointers) {
        return builder().group(group).kind(kind).jsonPointers(jsonPointers).build();
    }

    /**
     * Tells whether this rule applies to a resource.
     *
     * @param key the resource
     * @return {@code true} when group, kind, namespace and name all match their globs
     */
    public boolean matches(ResourceKey key) {
        return Glob.matches(group, key.group()) && Glob.matches(kind, key.kind())
                && Glob.matches(namespace, key.namespace()) && Glob.matches(name, key.name());
    }

    /**
     * Returns the API group glob.
     *
     * @return the group glob, {@code ""} for the core group
     */
    public String group() {
        return group;
    }

    /**
     * Returns the kind glob.
     *
     * @return the kind glob
     */
    public String kind() {
        return kind;
    }

    /**
     * Returns the namespace glob.
     *
     * @return the namespace glob; {@code ""} selects cluster-scoped resources only
     */
    public String namespace() {
        return namespace;
    }

    /**
     * Returns the name glob.
     *
     * @return the name glob
     */
    public String name() {
        return name;
    }

    /**
     * Returns the ignored fields.
     *
     * @return the JSON Pointers as given, in order; unmodifiable
     */
    public List<String> jsonPointers() {
        return jsonPointers;
    }

    List<PathPattern> patterns() {
        return patterns;
    }

    /**
     * Returns a builder preset with this rule's parts, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return builder().group(group).kind(kind).namespace(namespace).name(name).jsonPointers(jsonPointers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IgnoreRule that && group.equals(that.group) && kind.equals(that.kind)
                && namespace.equals(that.namespace) && name.equals(that.name)
                && jsonPointers.equals(that.jsonPointers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, kind, namespace, name, jsonPointers);
    }

    @Override
    public String toString() {
        return "IgnoreRule{" + group + "/" + kind + "/" + namespace + "/" + name + " " + jsonPointers + "}";
    }

    /** Builds an {@link IgnoreRule}; every selector part defaults to {@code *}. Not thread-safe. */
    public static final class Builder {
        private String group = "*";
        private String kind = "*";
        private String namespace = "*";
        private String name = "*";
        private final List<String> jsonPointers = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the API group glob.
         *
         * @param group e.g. {@code apps}; {@code ""} for the core group
         * @return this builder
         */
        public Builder group(String group) {
            this.group = requireNonNull(group, "group is null");
            return this;
        }

        /**
         * Sets the kind glob.
         *
         * @param kind e.g. {@code Deployment}
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = requireNonNull(kind, "kind is null");
            return this;
        }

        /**
         * Sets the namespace glob.
         *
         * @param namespace e.g. {@code shop-*}; {@code ""} for cluster-scoped resources
         * @return this builder
         */
        public Builder namespace(String namespace) {
            this.namespace = requireNonNull(namespace, "namespace is null");
            return this;
        }

        /**
         * Sets the name glob.
         *
         * @param name e.g. {@code web-*}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = requireNonNull(name, "name is null");
            return this;
        }

        /**
         * Adds fields to ignore.
         *
         * @param pointers JSON Pointers such as {@code /spec/replicas} or {@code /spec/template/spec/containers/x/image}
         * @return this builder
         */
        public Builder jsonPointers(String... pointers) {
            return jsonPointers(List.of(pointers));
        }

        /**
         * Adds fields to ignore.
         *
         * @param pointers JSON Pointers
         * @return this builder
         */
        public Builder jsonPointers(List<String> pointers) {
            for (String pointer : pointers) {
                jsonPointers.add(requireNonNull(pointer, "pointer is null"));
            }
            return this;
        }

        /**
         * Builds the rule.
         *
         * @return the rule
         * @throws IllegalArgumentException when a pointer is not a JSON Pointer (the message names it)
         */
        public IgnoreRule build() {
            return new IgnoreRule(this);
        }
    }
}
