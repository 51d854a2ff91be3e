package io.gitops4j.render;

import io.gitops4j.ManifestException;
import io.gitops4j.SourceException;

/**
 * Renders one folder of a {@link SourceTree} into resources: Kustomize, Helm, or any tool a user plugs in.
 *
 * <p>The contract: a renderer reads only through the request's tree (no file outside it, no network unless its own
 * configuration enables that), never follows symbolic links, returns the same output for the same tree content and
 * settings, and either returns every resource or throws: a failed render never returns part of the output. Errors
 * name the file and the field at fault. Implementations are registered in
 * {@code META-INF/services/io.gitops4j.render.Renderer} to be found on the class path, and must be thread-safe.
 */
public interface Renderer {

    /**
     * Returns which mode this renderer implements ({@link RenderMode#KUSTOMIZE} or {@link RenderMode#HELM}).
     *
     * @return the mode
     */
    RenderMode mode();

    /**
     * Returns a short name for plans and logs, e.g. {@code kustomize (native)} or {@code helm 3.17.0}.
     *
     * @return the name
     */
    String name();

    /**
     * Renders the request's folder.
     *
     * @param request the tree, the folder and the settings
     * @return every rendered resource, in the renderer's output order
     * @throws ManifestException when an input file or the output is invalid, naming the file and field
     * @throws SourceException when the tree cannot be read or the renderer cannot run
     */
    Rendered render(RenderRequest request);
}
