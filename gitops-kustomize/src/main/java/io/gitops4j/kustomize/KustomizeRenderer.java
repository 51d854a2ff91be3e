package io.gitops4j.kustomize;

import io.gitops4j.SourceException;
import io.gitops4j.render.RenderMode;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.Rendered;
import io.gitops4j.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders Kustomize folders natively, from the repository tree at the pinned commit: no checkout, no file outside
 * the repository root, symbolic links never followed, no remote bases. Output matches {@code kubectl kustomize}
 * (Kustomize v5.5): the same objects, field values, hash suffixes and order.
 *
 * <p>Supported fields: {@code resources} (files, folders, other kustomizations) and {@code bases},
 * {@code components}, {@code namespace}, {@code namePrefix}, {@code nameSuffix} (with references by name updated),
 * {@code labels}, {@code commonLabels}, {@code commonAnnotations}, {@code images}, {@code replicas}, {@code patches},
 * {@code patchesStrategicMerge}, {@code patchesJson6902}, {@code configMapGenerator}, {@code secretGenerator},
 * {@code generatorOptions}, {@code sortOptions}, and {@code transformers} entries holding builtin transformer
 * configurations. A kustomization using another field ({@code vars}, {@code replacements}, {@code helmCharts},
 * {@code configurations}, transformer plugins, remote bases when enabled, ...) is rendered by the external binary of
 * {@link io.gitops4j.render.RenderSettings#kustomizeBinary()} when one is configured and present, and otherwise fails
 * with an error naming the file and the field; a kustomization with only supported fields never runs a binary.
 *
 * <p>Errors are {@link io.gitops4j.ManifestException}s naming the kustomization file, line and field (missing
 * resource, cycle, path leaving the root, symbolic link, remote base, unsupported field). Stateless and thread-safe.
 */
public final class KustomizeRenderer implements Renderer {
    private static final Logger LOG = LoggerFactory.getLogger(KustomizeRenderer.class);
    private static final String NAME = "kustomize (native)";

    /** Creates the renderer. */
    public KustomizeRenderer() {
    }

    @Override
    public RenderMode mode() {
        return RenderMode.KUSTOMIZE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Rendered render(RenderRequest request) {
        KustomizeBuild build = new KustomizeBuild(new TreeReader(request.tree()), request.loader(),
                request.settings().remoteBases());
        try {
            return new Rendered(build.build(request.folder()), NAME);
        } catch (UnsupportedKustomizeField unsupported) {
            Optional<Path> binary = request.settings().kustomizeBinary();
            if (binary.isEmpty()) {
                throw unsupported;
            }
            if (!Files.isExecutable(binary.get())) {
                throw new SourceException(unsupported.getMessage() + "; the configured binary " + binary.get()
                        + " is missing or not executable", unsupported);
            }
            LOG.debug("native kustomize hands {} to {}", request.folder(), binary.get());
            return new Rendered(ExternalKustomize.render(request, binary.get(), unsupported),
                    "kustomize (" + binary.get().getFileName() + ")");
        }
    }
}
