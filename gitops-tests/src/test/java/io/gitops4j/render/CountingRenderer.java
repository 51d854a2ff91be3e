package io.gitops4j.render;

import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a renderer and counts the renders that actually ran (cache hits never reach it). */
final class CountingRenderer implements Renderer {
    private final Renderer renderer;
    private final AtomicInteger renders = new AtomicInteger();

    CountingRenderer(Renderer renderer) {
        this.renderer = renderer;
    }

    int renders() {
        return renders.get();
    }

    @Override
    public RenderMode mode() {
        return renderer.mode();
    }

    @Override
    public String name() {
        return renderer.name();
    }

    @Override
    public Rendered render(RenderRequest request) {
        renders.incrementAndGet();
        return renderer.render(request);
    }
}
