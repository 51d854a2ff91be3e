package io.gitops4j.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.gitops4j.SourceException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.Resource;
import io.gitops4j.render.RenderMode;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.RenderSettings;
import io.gitops4j.render.Rendered;
import io.gitops4j.render.Renderer;
import io.gitops4j.render.SourceTree;
import io.gitops4j.render.TreeEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a chart folder of the repository as {@code helm template} does, with the real Helm engine (helm-java,
 * which bundles Helm's Go library through JNA: no {@code helm} binary, no network): values files (paths relative to
 * the chart folder, {@code ../} allowed inside the repository) then inline values then {@code --set} assignments,
 * the release name ({@link RenderSettings#releaseName()}, default the chart folder's name) and namespace, and the
 * chart's {@code crds/} (with those of vendored sub-charts under {@code charts/}) first when
 * {@link RenderSettings#includeCrds()}, as {@code --include-crds} puts them. Dependencies must be vendored in
 * {@code charts/} (as folders or {@code .tgz} archives): nothing is downloaded.
 *
 * <p>The chart folder is copied out of the tree into a private temporary folder (links refused), which is deleted
 * after the render. A template error is a {@link SourceException} with Helm's message, which names the template file
 * and line. Objects carry the provenance {@code helm:<chart>/templates/<file>}. Thread-safe: renders run one at a
 * time per renderer, as the native library keeps process-wide state.
 */
public final class HelmRenderer implements Renderer {
    private static final Logger LOG = LoggerFactory.getLogger(HelmRenderer.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Object lock = new Object();

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
        SourceTree tree = request.tree();
        String folder = request.folder();
        RenderSettings settings = request.settings();
        Path work;
        try {
            work = Files.createTempDirectory("gitops4j-helm-");
        } catch (IOException e) {
            throw new SourceException("cannot create a temporary folder for Helm in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
        try {
            Path chart = work.resolve("chart");
            ChartFolder.copy(tree, folder, chart);
            TemplateCommand template = new Helm(chart).template().withName(releaseName(tree, folder, settings));
            if (!settings.namespace().isEmpty()) {
                template.withNamespace(settings.namespace());
            }
            int index = 0;
            for (String file : settings.valuesFiles()) {
                String path = ChartFolder.resolve(folder, file, tree);
                template.withValuesFile(Files.write(work.resolve("values-" + index++ + ".yaml"), tree.read(path)));
            }
            if (!settings.values().isBlank()) {
                template.withValuesFile(Files.writeString(work.resolve("values-inline.yaml"), settings.values()));
            }
            for (String assignment : settings.set()) {
                int equals = assignment.indexOf('=');
                template.set(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
            String output = run(template, folder, tree);
            List<Resource> resources = new ArrayList<>();
            if (settings.includeCrds()) {
                resources.addAll(crds(tree, folder, request.loader()));
            }
            resources.addAll(HelmOutput.parse(output, request.loader()));
            return new Rendered(resources, name());
        } catch (IOException e) {
            throw new SourceException("cannot prepare chart folder '" + folder + "' of " + tree.describe()
                    + " for Helm: " + e.getMessage(), e);
        } finally {
            ChartFolder.delete(work);
        }
    }

    private String run(TemplateCommand template, String folder, SourceTree tree) {
        long start = System.nanoTime();
        try {
            synchronized (lock) {
                return template.call();
            }
        } catch (RuntimeException e) {
            throw new SourceException("helm template of chart folder '" + folder + "' of " + tree.describe()
                    + " failed: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new SourceException("Helm's native library cannot be loaded on this platform ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e.getMessage()
                    + "; add the helm-java artifact for this platform", e);
        } finally {
            LOG.debug("helm template of '{}' took {} ms", folder, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The CRDs of the chart and of its vendored sub-chart folders, in path order, not templated (as Helm). */
    private static List<Resource> crds(SourceTree tree, String folder, ManifestLoader loader) {
        List<Resource> out = new ArrayList<>();
        addCrds(tree, join(folder, "crds"), loader, out);
        String charts = join(folder, "charts");
        if (tree.entry(charts).filter(TreeEntry::isFolder).isPresent()) {
            for (TreeEntry sub : tree.list(charts)) {
                if (sub.isFolder()) {
                    out.addAll(crds(tree, sub.path(), loader));
                }
            }
        }
        return out;
    }

    private static void addCrds(SourceTree tree, String crds, ManifestLoader loader, List<Resource> out) {
        if (tree.entry(crds).filter(TreeEntry::isFolder).isEmpty()) {
            return;
        }
        for (TreeEntry entry : tree.list(crds)) {
            if (entry.isFolder()) {
                addCrds(tree, entry.path(), loader, out);
            } else if (entry.isFile() && loader.isManifest(entry.path())) {
                out.addAll(loader.parse(entry.path(), tree.read(entry.path())));
            }
        }
    }

    private static String releaseName(SourceTree tree, String folder, RenderSettings settings) {
        if (!settings.releaseName().isEmpty()) {
            return settings.releaseName();
        }
        if (!folder.isEmpty()) {
            return folder.substring(folder.lastIndexOf('/') + 1);
        }
        try {
            return YAML.readTree(new String(tree.read("Chart.yaml"), StandardCharsets.UTF_8)).path("name")
                    .asText("release");
        } catch (IOException e) {
            return "release";
        }
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }
}
