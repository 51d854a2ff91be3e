package io.gitops4j.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.SourceException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The renderers a source may use, one per {@link RenderMode}: registered explicitly, or found on the class path
 * ({@code META-INF/services/io.gitops4j.render.Renderer}). The plain renderer is always there. Immutable and
 * thread-safe.
 */
public final class Renderers {
    private final Map<RenderMode, Renderer> byMode;

    private Renderers(Map<RenderMode, Renderer> byMode) {
        this.byMode = byMode;
    }

    /**
     * Returns the renderers found on the class path with {@link ServiceLoader}; when two implement the same mode
     * the first found wins.
     *
     * @return the renderers
     */
    public static Renderers discover() {
        List<Renderer> found = new ArrayList<>();
        ServiceLoader.load(Renderer.class, Renderers.class.getClassLoader()).forEach(found::add);
        return of(found);
    }

    /**
     * Returns exactly these renderers (and the plain one); when two implement the same mode the first wins.
     *
     * @param renderers the renderers
     * @return the registry
     */
    public static Renderers of(Renderer... renderers) {
        return of(List.of(renderers));
    }

    /**
     * Returns exactly these renderers (and the plain one); when two implement the same mode the first wins.
     *
     * @param renderers the renderers
     * @return the registry
     */
    public static Renderers of(List<Renderer> renderers) {
        Map<RenderMode, Renderer> byMode = new EnumMap<>(RenderMode.class);
        for (Renderer renderer : renderers) {
            RenderMode mode = requireNonNull(renderer, "renderer is null").mode();
            if (mode == RenderMode.AUTO) {
                throw new IllegalArgumentException("renderer " + renderer.name() + " claims mode AUTO; a renderer "
                        + "implements PLAIN, KUSTOMIZE or HELM");
            }
            byMode.putIfAbsent(mode, renderer);
        }
        byMode.putIfAbsent(RenderMode.PLAIN, PlainRenderer.INSTANCE);
        return new Renderers(Map.copyOf(byMode));
    }

    /**
     * Returns these renderers with one more, which replaces any registered for its mode.
     *
     * @param renderer the renderer
     * @return the new registry
     */
    public Renderers with(Renderer renderer) {
        Map<RenderMode, Renderer> next = new EnumMap<>(byMode);
        next.put(requireNonNull(renderer, "renderer is null").mode(), renderer);
        return new Renderers(Map.copyOf(next));
    }

    /**
     * Returns the renderer of a mode, if registered.
     *
     * @param mode {@link RenderMode#PLAIN}, {@link RenderMode#KUSTOMIZE} or {@link RenderMode#HELM}
     * @return the renderer
     */
    public Optional<Renderer> forMode(RenderMode mode) {
        return Optional.ofNullable(byMode.get(requireNonNull(mode, "mode is null")));
    }

    /**
     * Returns the renderer of a mode the folder was detected or configured to need, or a clear error telling which
     * module to add.
     *
     * @param mode the mode (not {@link RenderMode#AUTO})
     * @param folder the folder, for the message
     * @param tree the tree, for the message
     * @return the renderer
     * @throws SourceException when none is registered for the mode
     */
    public Renderer require(RenderMode mode, String folder, SourceTree tree) {
        return forMode(mode).orElseThrow(() -> new SourceException(missing(mode, folder, tree)));
    }

    private static String missing(RenderMode mode, String folder, SourceTree tree) {
        String where = "folder '" + (folder.isEmpty() ? "." : folder) + "' of " + tree.describe();
        if (mode == RenderMode.KUSTOMIZE) {
            return where + " is a Kustomize folder (" + FolderKind.kustomizationFile(tree, folder).orElse(
                    "kustomization.yaml") + "): add io.gitops4j:gitops-kustomize to the class path (or register a "
                    + "Kustomize renderer), or render it as plain manifests with render mode PLAIN";
        }
        return where + " is a Helm chart (Chart.yaml): add io.gitops4j:gitops-helm to the class path (or register a "
                + "Helm renderer)";
    }

    @Override
    public String toString() {
        return "Renderers" + byMode.keySet();
    }
}
