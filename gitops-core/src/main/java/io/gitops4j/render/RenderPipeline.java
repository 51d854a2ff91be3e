package io.gitops4j.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rendering step of a source: decides how an application's folder renders (from the folder's listing alone, for
 * {@link RenderMode#AUTO}), runs the renderer through a {@link RenderCache}, then applies post-build
 * {@link Substitution}. Sources keep their own fast path for plain folders ({@link #modeFor}) and call
 * {@link #substitute} on what they parsed.
 *
 * <pre>{@code
 * RenderPipeline pipeline = RenderPipeline.builder()
 *     .settings(RenderSettings.builder().mode(RenderMode.AUTO).valuesFile("values-prod.yaml").build())
 *     .substitution(Substitution.builder().variable("CLUSTER", "prod").build())
 *     .build();                                      // renderers found on the class path
 * Rendered out = pipeline.render(FolderTree.of(Path.of("deploy")), "", ManifestLoader.defaults());
 * }</pre>
 *
 * <p>Immutable and thread-safe (its cache is shared by every render through it).
 */
public final class RenderPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(RenderPipeline.class);

    private final RenderSettings settings;
    private final Renderers renderers;
    private final Substitution substitution;
    private final RenderCache cache;

    private RenderPipeline(Builder builder) {
        this.settings = builder.settings;
        this.renderers = builder.renderers != null ? builder.renderers : Renderers.discover();
        this.substitution = builder.substitution;
        this.cache = builder.cache != null ? builder.cache : new RenderCache();
    }

    /**
     * Returns a builder: {@link RenderMode#AUTO}, the renderers on the class path, no substitution, a new cache.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the render settings.
     *
     * @return the settings
     */
    public RenderSettings settings() {
        return settings;
    }

    /**
     * Returns the renderers.
     *
     * @return the renderers
     */
    public Renderers renderers() {
        return renderers;
    }

    /**
     * Returns the substitution applied after rendering.
     *
     * @return the substitution
     */
    public Substitution substitution() {
        return substitution;
    }

    /**
     * Returns the cache renders go through, for its counters.
     *
     * @return the cache
     */
    public RenderCache cache() {
        return cache;
    }

    /**
     * Returns how a folder renders: the configured mode, or for {@link RenderMode#AUTO} the mode its listing shows
     * (nothing is read or parsed).
     *
     * @param tree the tree
     * @param folder the folder
     * @return {@link RenderMode#PLAIN}, {@link RenderMode#KUSTOMIZE} or {@link RenderMode#HELM}
     */
    public RenderMode modeFor(SourceTree tree, String folder) {
        return FolderKind.resolve(settings.mode(), tree, folder);
    }

    /**
     * Renders a folder: detects the mode, runs its renderer (through the cache), then substitutes variables.
     *
     * @param tree the tree
     * @param folder the application's folder in it
     * @param loader the loader renderers parse with
     * @return the output, every object substituted
     * @throws io.gitops4j.SourceException when no renderer for the folder's kind is registered (naming the module
     *     to add), or the renderer fails
     * @throws io.gitops4j.ManifestException when an input or the output is invalid
     */
    public Rendered render(SourceTree tree, String folder, ManifestLoader loader) {
        RenderMode mode = modeFor(tree, folder);
        Renderer renderer = renderers.require(mode, folder, tree);
        long start = System.nanoTime();
        long before = cache.renders();
        Rendered output = cache.render(renderer, new RenderRequest(tree, folder, settings, loader));
        LOG.info("{} folder '{}' of {} with {}: {} objects in {} ms", cache.renders() > before ? "Rendered"
                : "Reused the render of", folder, tree.describe(), output.renderer(), output.resources().size(),
                (System.nanoTime() - start) / 1_000_000);
        return new Rendered(substitute(output.resources(), loader), output.renderer());
    }

    /**
     * Applies the post-build substitution (nothing when none is configured).
     *
     * @param resources the objects
     * @param loader the loader that parses substituted objects
     * @return the substituted objects
     */
    public List<Resource> substitute(List<Resource> resources, ManifestLoader loader) {
        return substitution.apply(resources, loader);
    }

    @Override
    public String toString() {
        return "RenderPipeline{" + settings + ", " + renderers + ", " + substitution + "}";
    }

    /** Builds a {@link RenderPipeline}. Not thread-safe. */
    public static final class Builder {
        private RenderSettings settings = RenderSettings.defaults();
        private Renderers renderers;
        private Substitution substitution = Substitution.none();
        private RenderCache cache;

        private Builder() {
        }

        /**
         * Sets the render settings (default {@link RenderSettings#defaults()}).
         *
         * @param value the settings
         * @return this builder
         */
        public Builder settings(RenderSettings value) {
            this.settings = requireNonNull(value, "settings is null");
            return this;
        }

        /**
         * Sets the renderers (default {@link Renderers#discover()}).
         *
         * @param value the renderers
         * @return this builder
         */
        public Builder renderers(Renderers value) {
            this.renderers = requireNonNull(value, "renderers is null");
            return this;
        }

        /**
         * Sets the post-build substitution (default none).
         *
         * @param value the substitution
         * @return this builder
         */
        public Builder substitution(Substitution value) {
            this.substitution = requireNonNull(value, "substitution is null");
            return this;
        }

        /**
         * Sets the render cache (default a new one per pipeline).
         *
         * @param value the cache
         * @return this builder
         */
        public Builder cache(RenderCache value) {
            this.cache = requireNonNull(value, "cache is null");
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         */
        public RenderPipeline build() {
            return new RenderPipeline(this);
        }
    }
}
