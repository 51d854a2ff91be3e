package io.gitops4j.helm;

import io.gitops4j.SourceException;
import io.gitops4j.render.RenderMode;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.Rendered;
import io.gitops4j.render.Renderer;

/** Renders Helm folders (work in progress: every render fails with a clear error until it is built). */
public final class HelmRenderer implements Renderer {

    /** Creates the renderer. */
    public HelmRenderer() {
    }

    @Override
    public RenderMode mode() {
        return RenderMode.HELM;
    }

    @Override
    public String name() {
        return "helm";
    }

    @Override
    public Rendered render(RenderRequest request) {
        throw new SourceException("helm rendering is not available yet");
    }
}
