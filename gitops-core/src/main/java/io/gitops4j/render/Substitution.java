package io.gitops4j.render;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.ManifestException;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flux's post-build variable substitution, applied to every rendered object: {@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR:=default}} (and {@code -}, {@code =} without the colon: the default only when
 * unset), {@code $${VAR}} for a literal {@code ${VAR}}; {@code $VAR} without braces is text. Keys and strings are
 * substituted with the typing Flux gets from substituting the YAML text and parsing it again ({@code replicas:
 * ${REPLICAS}} becomes a number), but a value never adds structure (a value with {@code ": "} stays a string, where
 * Flux would fail or build a mapping). An object labelled or annotated
 * {@code kustomize.toolkit.fluxcd.io/substitute: disabled} is left alone. Variables come from the
 * {@linkplain SubstitutionSource sources} in order (a later source wins) and then the inline map, which wins over
 * every source. An unset variable without default becomes empty, or fails the render when {@link Builder#strict}.
 *
 * <p>Values are never written to logs or messages; errors name the object and the variable. Immutable and
 * thread-safe; sources are read at every {@link #apply}.
 */
public final class Substitution {
    /** The label or annotation whose value {@code disabled} turns substitution off for one object. */
    public static final String DISABLE_KEY = WellKnownMetadata.FLUX_SUBSTITUTE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
    private static final Substitution NONE = builder().build();

    private final Map<String, String> variables;
    private final List<SubstitutionSource> sources;
    private final boolean strict;

    private Substitution(Builder builder) {
        this.variables = Map.copyOf(builder.variables);
        this.sources = List.copyOf(builder.sources);
        this.strict = builder.strict;
    }

    /**
     * Returns no substitution: {@link #apply} returns its input.
     *
     * @return the empty substitution
     */
    public static Substitution none() {
        return NONE;
    }

    /**
     * Returns a builder.
     *
     * @return a builder with no variables
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether nothing is configured; like Flux, substitution runs only when a variable or a source is.
     *
     * @return {@code true} when there is nothing to substitute from
     */
    public boolean isEmpty() {
        return variables.isEmpty() && sources.isEmpty();
    }

    /**
     * Tells whether variables are read from sources (which may change between two renders of the same content).
     *
     * @return {@code true} when a {@link SubstitutionSource} is configured
     */
    public boolean hasSources() {
        return !sources.isEmpty();
    }

    /**
     * Substitutes the variables in each object.
     *
     * @param resources the rendered objects
     * @param loader the loader that parses each substituted object again
     * @return the objects, substituted; an object that refers to no variable keeps its very instance
     * @throws ManifestException when an object is no longer a valid manifest after substitution, or (strict) uses
     *     a variable that is not set; the message names the object and the variables, never a value
     * @throws io.gitops4j.SourceException when a source cannot be read
     */
    public List<Resource> apply(List<Resource> resources, ManifestLoader loader) {
        requireNonNull(resources, "resources is null");
        requireNonNull(loader, "loader is null");
        if (isEmpty()) {
            return resources;
        }
        Map<String, String> values = values();
        List<Resource> out = new ArrayList<>(resources.size());
        for (Resource resource : resources) {
            out.add(substitute(resource, values, loader));
        }
        return List.copyOf(out);
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (SubstitutionSource source : sources) {
            source.variables().forEach((name, value) -> {
                if (NAME.matcher(name).matches()) {
                    values.put(name, value);
                }
            });
        }
        values.putAll(variables);
        return values;
    }

    private Resource substitute(Resource resource, Map<String, String> values, ManifestLoader loader) {
        if (isDisabled(resource)) {
            return resource;
        }
        JsonNode substituted;
        try {
            substituted = SubstitutedTree.substitute(resource.tree(),
                    text -> Envsubst.expand(text, values, strict, name -> { }));
        } catch (Envsubst.UnsetVariable e) {
            throw new ManifestException(resource.provenance(), resource.key() + " uses variable '" + e.getMessage()
                    + "', which is not set and has no default; set it, give it a default (${" + e.getMessage()
                    + ":=value}), or turn strict substitution off");
        }
        if (substituted == resource.tree()) {
            return resource;
        }
        List<Resource> parsed;
        try {
            parsed = loader.parse(jsonPath(resource), JSON.writeValueAsBytes(substituted));
        } catch (ManifestException | JsonProcessingException e) {
            throw new ManifestException(resource.provenance(), resource.key() + " is not a valid manifest after "
                    + "variable substitution; check the variables its identifying fields use");
        }
        if (parsed.size() != 1) {
            throw new ManifestException(resource.provenance(), resource.key() + " became " + parsed.size()
                    + " objects after variable substitution; a kind of List cannot come from a variable");
        }
        return Resource.of(parsed.get(0).tree(), resource.provenance());
    }

    /** The object's file for the loader, which must read the substituted tree as JSON. */
    private static String jsonPath(Resource resource) {
        return resource.provenance().path() + " (substituted).json";
    }

    private static boolean isDisabled(Resource resource) {
        return WellKnownMetadata.FLUX_DISABLED.equals(resource.annotation(DISABLE_KEY).orElse(null))
                || WellKnownMetadata.FLUX_DISABLED.equals(resource.label(DISABLE_KEY).orElse(null));
    }

    @Override
    public String toString() {
        return "Substitution{variables=" + variables.keySet() + ", sources=" + sources.stream()
                .map(SubstitutionSource::describe).toList() + ", strict=" + strict + "}";
    }

    /** Builds a {@link Substitution}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<SubstitutionSource> sources = new ArrayList<>();
        private boolean strict;

        private Builder() {
        }

        /**
         * Sets one inline variable (Flux's {@code postBuild.substitute}), which wins over every source.
         *
         * @param name the name: letters, digits and {@code _}, not starting with a digit
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException when the name is not a variable name
         */
        public Builder variable(String name, String value) {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a variable name (letters, digits and _,"
                        + " not starting with a digit)");
            }
            variables.put(name, value);
            return this;
        }

        /**
         * Sets inline variables.
         *
         * @param values name to value
         * @return this builder
         */
        public Builder variables(Map<String, String> values) {
            requireNonNull(values, "values is null").forEach(this::variable);
            return this;
        }

        /**
         * Adds a source of variables (Flux's {@code postBuild.substituteFrom}); later sources win over earlier ones.
         *
         * @param source the source
         * @return this builder
         */
        public Builder from(SubstitutionSource source) {
            sources.add(requireNonNull(source, "source is null"));
            return this;
        }

        /**
         * Sets whether a variable without value or default fails the render (default {@code false}: it becomes
         * empty, as in Flux without the strict feature gate).
         *
         * @param value {@code true} for strict
         * @return this builder
         */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /**
         * Builds the substitution.
         *
         * @return the substitution
         */
        public Substitution build() {
            return new Substitution(this);
        }
    }
}
