package io.gitops4j.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.model.Resource;
import java.util.List;

/**
 * The output of one render.
 *
 * @param resources every rendered resource, in output order
 * @param renderer the {@linkplain Renderer#name() name} of the renderer that ran, for plans and logs
 */
public record Rendered(List<Resource> resources, String renderer) {

    /**
     * Copies the list and checks the fields.
     *
     * @param resources the resources
     * @param renderer the renderer's name
     */
    public Rendered {
        resources = List.copyOf(requireNonNull(resources, "resources is null"));
        requireNonNull(renderer, "renderer is null");
    }
}
