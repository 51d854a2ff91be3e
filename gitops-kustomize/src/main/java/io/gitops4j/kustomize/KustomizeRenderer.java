package io.gitops4j.kustomize;

import io.gitops4j.SourceException;
import io.gitops4j.render.RenderMode;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.Rendered;
import io.gitops4j.render.Renderer;

/** Renders Kustomize folders (work in progress: every render fails with a clear error until it is built). */
public final class KustomizeRenderer implements Renderer {

    /** Creates the renderer. */
    public KustomizeRenderer() {
    }

    @Override
    public RenderMode mode() {
        return RenderMode.KUSTOMIZE;
    }

    @Override
    public String name() {
        return "kustomize";
    }

    @Override
    public Rendered render(RenderRequest request) {
        throw new SourceException("kustomize rendering is not available yet");
    }
}
