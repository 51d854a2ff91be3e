package io.gitops4j.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.manifest.ManifestLoader;

/**
 * What a {@link Renderer} is asked to render.
 *
 * @param tree the repository at the pinned revision
 * @param folder the application's folder in that tree ({@code ""} for the root)
 * @param settings the renderer settings of the application
 * @param loader the manifest loader, for parsing YAML input and output with the source's limits and checks
 */
public record RenderRequest(SourceTree tree, String folder, RenderSettings settings, ManifestLoader loader) {

    /**
     * Checks the fields.
     *
     * @param tree the tree
     * @param folder the folder
     * @param settings the settings
     * @param loader the loader
     */
    public RenderRequest {
        requireNonNull(tree, "tree is null");
        requireNonNull(folder, "folder is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(loader, "loader is null");
    }
}
