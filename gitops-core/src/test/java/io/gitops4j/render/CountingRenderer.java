package io.gitops4j.render;

import java.util.concurrent.atomic.AtomicInteger;

/** A test renderer that renders the plain manifests of its folder (not below) and counts its renders. */
final class CountingRenderer implements Renderer {
    private final RenderMode mode;
    final AtomicInteger renders = new AtomicInteger();

    CountingRenderer(RenderMode mode) {
        this.mode = mode;
    }

    @Override
    public RenderMode mode() {
        return mode;
    }

    @Override
    public String name() {
        return "counting " + mode.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Rendered render(RenderRequest request) {
        renders.incrementAndGet();
        java.util.List<io.gitops4j.model.Resource> out = new java.util.ArrayList<>();
        for (TreeEntry entry : request.tree().list(request.folder())) {
            if (entry.isFile() && entry.name().endsWith(".yaml") && !FolderKind.KUSTOMIZATION_FILES.contains(
                    entry.name()) && !entry.name().equals(FolderKind.CHART_FILE)) {
                out.addAll(request.loader().parse(entry.path(), request.tree().read(entry.path())));
            }
        }
        return new Rendered(out, name());
    }
}
