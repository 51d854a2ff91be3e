package io.gitops4j.render;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an application's folder is rendered: the mode and the settings each renderer reads. Immutable; build with
 * {@link #builder()}.
 */
public final class RenderSettings {
    private static final RenderSettings DEFAULTS = builder().build();

    private final RenderMode mode;
    private final List<String> valuesFiles;
    private final String values;
    private final List<String> set;
    private final String releaseName;
    private final String namespace;
    private final boolean includeCrds;
    private final Path kustomizeBinary;
    private final boolean remoteBases;

    private RenderSettings(Builder builder) {
        this.mode = builder.mode;
        this.valuesFiles = List.copyOf(builder.valuesFiles);
        this.values = builder.values;
        this.set = List.copyOf(builder.set);
        this.releaseName = builder.releaseName;
        this.namespace = builder.namespace;
        this.includeCrds = builder.includeCrds;
        this.kustomizeBinary = builder.kustomizeBinary;
        this.remoteBases = builder.remoteBases;
    }

    /**
     * Returns the defaults: {@link RenderMode#AUTO}, no values, CRDs included, no external binary, no remote bases.
     *
     * @return the default settings
     */
    public static RenderSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder starting from these settings.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.mode = mode;
        builder.valuesFiles.addAll(valuesFiles);
        builder.values = values;
        builder.set.addAll(set);
        builder.releaseName = releaseName;
        builder.namespace = namespace;
        builder.includeCrds = includeCrds;
        builder.kustomizeBinary = kustomizeBinary;
        builder.remoteBases = remoteBases;
        return builder;
    }

    /**
     * Returns which renderer runs.
     *
     * @return the mode
     */
    public RenderMode mode() {
        return mode;
    }

    /**
     * Returns the Helm values files, as paths of the tree relative to the chart folder, applied in order.
     *
     * @return the values files
     */
    public List<String> valuesFiles() {
        return valuesFiles;
    }

    /**
     * Returns inline Helm values (a YAML mapping), applied after the values files; {@code ""} for none.
     *
     * @return the inline values
     */
    public String values() {
        return values;
    }

    /**
     * Returns Helm {@code --set} assignments ({@code path=value}), applied last, in order.
     *
     * @return the assignments
     */
    public List<String> set() {
        return set;
    }

    /**
     * Returns the Helm release name; {@code ""} means the renderer's default (the chart folder's name).
     *
     * @return the release name
     */
    public String releaseName() {
        return releaseName;
    }

    /**
     * Returns the namespace the render targets (Helm's release namespace); {@code ""} for none.
     *
     * @return the namespace
     */
    public String namespace() {
        return namespace;
    }

    /**
     * Tells whether Helm renders the chart's {@code crds/} folder (like {@code helm template --include-crds}).
     *
     * @return {@code true} to include CRDs
     */
    public boolean includeCrds() {
        return includeCrds;
    }

    /**
     * Returns the external {@code kustomize} or {@code kubectl} binary that renders kustomizations using fields the
     * native renderer does not support; empty when none is configured.
     *
     * @return the binary
     */
    public Optional<Path> kustomizeBinary() {
        return Optional.ofNullable(kustomizeBinary);
    }

    /**
     * Tells whether kustomizations may name remote bases (URLs); off by default, like a root-restricted build.
     *
     * @return {@code true} when remote bases are allowed
     */
    public boolean remoteBases() {
        return remoteBases;
    }

    /**
     * Settings are equal when every field is: a render cache reuses output only for equal settings.
     *
     * @param other the other object
     * @return {@code true} when equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RenderSettings that && mode == that.mode && valuesFiles.equals(that.valuesFiles)
                && values.equals(that.values) && set.equals(that.set) && releaseName.equals(that.releaseName)
                && namespace.equals(that.namespace) && includeCrds == that.includeCrds
                && Objects.equals(kustomizeBinary, that.kustomizeBinary) && remoteBases == that.remoteBases;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, valuesFiles, values, set, releaseName, namespace, includeCrds, kustomizeBinary,
                remoteBases);
    }

    @Override
    public String toString() {
        return "RenderSettings{mode=" + mode + ", valuesFiles=" + valuesFiles + ", set=" + set.size()
                + " assignments, releaseName='" + releaseName + "', namespace='" + namespace + "', includeCrds="
                + includeCrds + ", kustomizeBinary=" + kustomizeBinary + ", remoteBases=" + remoteBases + "}";
    }

    /** Builds {@link RenderSettings}. */
    public static final class Builder {
        private RenderMode mode = RenderMode.AUTO;
        private final List<String> valuesFiles = new ArrayList<>();
        private String values = "";
        private final List<String> set = new ArrayList<>();
        private String releaseName = "";
        private String namespace = "";
        private boolean includeCrds = true;
        private Path kustomizeBinary;
        private boolean remoteBases;

        private Builder() {
        }

        /**
         * Sets the mode.
         *
         * @param value the mode
         * @return this builder
         */
        public Builder mode(RenderMode value) {
            this.mode = requireNonNull(value, "mode is null");
            return this;
        }

        /**
         * Adds a Helm values file (a path of the tree relative to the chart folder).
         *
         * @param path the file
         * @return this builder
         */
        public Builder valuesFile(String path) {
            valuesFiles.add(requireNonNull(path, "path is null"));
            return this;
        }

        /**
         * Sets inline Helm values (a YAML mapping).
         *
         * @param yaml the values
         * @return this builder
         */
        public Builder values(String yaml) {
            this.values = requireNonNull(yaml, "values is null");
            return this;
        }

        /**
         * Adds a Helm {@code --set} assignment, {@code path=value}.
         *
         * @param assignment the assignment
         * @return this builder
         * @throws IllegalArgumentException when it has no {@code =}
         */
        public Builder set(String assignment) {
            requireNonNull(assignment, "assignment is null");
            if (assignment.indexOf('=') <= 0) {
                throw new IllegalArgumentException("a --set assignment must look like path=value, got '"
                        + assignment + "'");
            }
            set.add(assignment);
            return this;
        }

        /**
         * Sets the Helm release name.
         *
         * @param value the name
         * @return this builder
         */
        public Builder releaseName(String value) {
            this.releaseName = requireNonNull(value, "releaseName is null");
            return this;
        }

        /**
         * Sets the namespace the render targets.
         *
         * @param value the namespace
         * @return this builder
         */
        public Builder namespace(String value) {
            this.namespace = requireNonNull(value, "namespace is null");
            return this;
        }

        /**
         * Sets whether Helm renders the chart's CRDs.
         *
         * @param value {@code true} to include them
         * @return this builder
         */
        public Builder includeCrds(boolean value) {
            this.includeCrds = value;
            return this;
        }

        /**
         * Sets the external {@code kustomize} or {@code kubectl} binary for kustomizations the native renderer does
         * not support.
         *
         * @param value the binary
         * @return this builder
         */
        public Builder kustomizeBinary(Path value) {
            this.kustomizeBinary = requireNonNull(value, "kustomizeBinary is null");
            return this;
        }

        /**
         * Sets whether kustomizations may name remote bases.
         *
         * @param value {@code true} to allow them
         * @return this builder
         */
        public Builder remoteBases(boolean value) {
            this.remoteBases = value;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public RenderSettings build() {
            return new RenderSettings(this);
        }
    }
}
