package io.gitops4j.render;

import io.gitops4j.SourceException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain manifests: every {@code .yaml}, {@code .yml} and {@code .json} file under the folder, recursively, in path
 * order; hidden files and folders (a leading {@code .}) are skipped. A symbolic link named like a manifest, or to
 * a folder, fails the render (skipping it would drop what it declares); submodules are skipped. A Kustomize file
 * below the folder is refused by the {@link ManifestLoader} with a clear message. Stateless and thread-safe.
 */
final class PlainRenderer implements Renderer {
    static final PlainRenderer INSTANCE = new PlainRenderer();

    private PlainRenderer() {
    }

    @Override
    public RenderMode mode() {
        return RenderMode.PLAIN;
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public Rendered render(RenderRequest request) {
        List<Resource> resources = new ArrayList<>();
        walk(request.tree(), request.folder(), request.loader(), resources);
        return new Rendered(resources, name());
    }

    private static void walk(SourceTree tree, String folder, ManifestLoader loader, List<Resource> out) {
        for (TreeEntry entry : tree.list(folder)) {
            if (entry.name().startsWith(".")) {
                continue;
            }
            switch (entry.type()) {
                case FOLDER -> walk(tree, entry.path(), loader, out);
                case FILE -> {
                    if (loader.isManifest(entry.path())) {
                        out.addAll(loader.parse(entry.path(), tree.read(entry.path())));
                    }
                }
                case SYMLINK -> {
                    if (loader.isManifest(entry.path())) {
                        throw new SourceException("'" + entry.path() + "' in " + tree.describe() + " is a symbolic "
                                + "link; links are never followed, and skipping it would drop what it declares: "
                                + "replace the link by the file it points to");
                    }
                }
                default -> {
                    // a submodule's content lives in another repository
                }
            }
        }
    }
}
