package io.gitops4j.source;

import io.gitops4j.SourceException;
import static java.util.Objects.requireNonNull;

import io.gitops4j.ManifestException;
import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Provenance;
import io.gitops4j.model.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import io.gitops4j.model.Resource;
import io.gitops4j.render.FolderTree;
import io.gitops4j.render.RenderMode;
import io.gitops4j.render.RenderPipeline;
import io.gitops4j.render.RenderSettings;
import io.gitops4j.render.Rendered;
import io.gitops4j.render.Renderers;
import io.gitops4j.render.Substitution;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Desired state from a local folder of manifests, read recursively ({@code .yaml}, {@code .yml}, {@code .json};
 * hidden files and folders skipped), or rendered: a folder with a kustomization file renders with Kustomize, one
 * with {@code Chart.yaml} with Helm (see {@link Builder#render(RenderSettings)}; detected from the folder's listing
 * before anything is parsed), and post-build {@link Substitution} applies to either.
 *
 * <p>Symbolic links are never followed. A link that a load would otherwise read — one named like a manifest, or one
 * to a folder, pointing inside the folder or outside it — fails the load with a {@link SourceException} naming it,
 * so that replacing a manifest (or a folder of them) by a link can never make its resources look deleted and be
 * pruned; replace the link by the file or folder it points to. Links to other files are ignored, as those files are.
 * A file over the loader's {@link ManifestLoader#maxFileBytes() size limit} is refused, from its size, before it is
 * read.
 *
 * <p>A folder keeps no history, so its revision id is the digest of its content: {@link #load(Revision)} succeeds
 * only for the folder's current content. Use a Git source for rollback. A load of unchanged files returns the
 * previous load's very state (see {@link #load()}). Thread-safe: the last load's files and state are kept together
 * in one immutable value.
 */
public final class DirectorySource implements DesiredStateSource {
    private final Path root;
    private final ManifestLoader loader;
    private final int maxFiles;
    private final RenderPipeline pipeline;
    private final boolean reusesLoads;
    private volatile LastLoad last;

    private DirectorySource(Builder builder) {
        this.root = builder.root;
        this.loader = builder.loader;
        this.maxFiles = builder.maxFiles;
        this.pipeline = builder.pipeline();
        this.reusesLoads = !builder.substitution.hasSources();
    }

    /**
     * Returns a source for a folder with the default loader.
     *
     * @param root the folder
     * @return the source
     */
    public static DirectorySource of(Path root) {
        return builder(root).build();
    }

    /**
     * Returns a builder for a folder source.
     *
     * @param root the folder
     * @return a builder
     */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /**
     * Loads the folder's current content. The folder is listed and its manifest files read at every load; when they
     * are the same files as at this source's previous successful load (the same paths, each byte for byte the same;
     * the loader and settings are this source's own), or a rendered folder's render pipeline hands back the very
     * output of the previous load, the previous {@link DesiredState} instance is returned without parsing anything
     * again, so the engine recognises it by identity and skips its preparation and diff. Variables read from a
     * {@link io.gitops4j.render.SubstitutionSource} may change between loads of the same files, so a source
     * substituting from one always parses again.
     *
     * @return the state
     * @throws SourceException when the folder cannot be listed or read, or holds a refused symbolic link or too
     *     many files; a failed load never returns an earlier state
     * @throws ManifestException when a manifest is invalid
     */
    @Override
    public DesiredState load() {
        FolderTree tree = FolderTree.of(root, loader.maxFileBytes());
        LastLoad previous = last;
        if (pipeline.modeFor(tree, "") != RenderMode.PLAIN) {
            Rendered rendered = pipeline.render(tree, "", loader);
            if (previous != null && previous.sameRender(rendered.resources(), rendered.renderer())) {
                return previous.state();
            }
            DesiredState state = state(rendered.resources(), rendered.renderer());
            remember(LastLoad.rendered(rendered.resources(), state));
            return state;
        }
        SortedMap<String, byte[]> files = readFiles();
        if (previous != null && previous.sameFiles(files)) {
            return previous.state();
        }
        List<Resource> resources = List.copyOf(loader.load("pending", files).resources().values());
        DesiredState state = state(pipeline.substitute(resources, loader), "");
        remember(LastLoad.plain(files, state));
        return state;
    }

    private DesiredState state(List<Resource> resources, String renderer) {
        DesiredState content = loader.assemble("pending", new TreeMap<>(Map.of("", resources)));
        String digest = content.revision().digest();
        return DesiredState.of(new Revision(digest, digest), content.resources().values()).withRenderedBy(renderer);
    }

    private void remember(LastLoad load) {
        if (reusesLoads) {
            last = load;
        }
    }

    @Override
    public DesiredState load(Revision revision) {
        requireNonNull(revision, "revision is null");
        DesiredState current = load();
        if (!current.revision().id().equals(revision.id())) {
            throw new SourceException("folder " + root + " keeps no history: revision " + revision.shortId()
                    + " is not its current content (" + current.revision().shortId()
                    + "); use a Git source to load earlier revisions");
        }
        return current;
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    private SortedMap<String, byte[]> readFiles() {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new SourceException("folder " + root + " does not exist or is not a directory");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root, new FileVisitOption[0])) {
            paths = walk.filter(p -> !isHidden(root.relativize(p)))
                    .filter(p -> refuseLink(p) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> loader.isManifest(p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw unlistable(e);
        } catch (UncheckedIOException e) {
            throw unlistable(e.getCause());
        }
        if (paths.size() > maxFiles) {
            throw new SourceException("folder " + root + " holds " + paths.size() + " manifest files, over the limit of "
                    + maxFiles + "; point the source at a sub-folder or raise maxFiles");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (Path path : paths) {
            String relative = relative(path);
            try {
                files.put(relative, read(path, relative));
            } catch (IOException e) {
                throw new SourceException("cannot read " + relative + " in " + root + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** A failure to walk the folder, naming the entry that could not be read when the file system says which. */
    private SourceException unlistable(IOException e) {
        if (e instanceof FileSystemException failure && failure.getFile() != null) {
            String reason = failure.getReason() != null ? failure.getReason() : e.getClass().getSimpleName();
            return new SourceException("cannot list folder " + root + ": cannot read " + failure.getFile() + " ("
                    + reason + "); check its permissions or hide it with a leading '.'", e);
        }
        return new SourceException("cannot list folder " + root + ": " + e.getMessage(), e);
    }

    /** Returns {@code true} for anything but a symbolic link a load would read, for which it throws. */
    private boolean refuseLink(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return true;
        }
        boolean folder = Files.isDirectory(path);
        if (folder || loader.isManifest(path.getFileName().toString())) {
            throw new SourceException("'" + relative(path) + "' in folder " + root + " is a symbolic link"
                    + (folder ? " to a folder" : "") + "; links are never followed, and skipping it would drop what it"
                    + " declares: replace the link by the " + (folder ? "folder" : "file") + " it points to");
        }
        return false;
    }

    /** Reads a file of at most the loader's size limit, refusing a larger one before reading and while reading. */
    private byte[] read(Path path, String relative) throws IOException {
        long limit = loader.maxFileBytes();
        long size = Files.size(path);
        if (size <= limit) {
            try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (content.length <= limit) {
                    return content;
                }
                size = Math.max(size, content.length);
            }
        }
        throw new ManifestException(Provenance.of(relative, -1, -1), "file is " + size + " bytes, over the limit of "
                + limit + " bytes; split it or raise the loader's maxFileBytes");
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Configures a {@link DirectorySource}. */
    public static final class Builder {
        private final Path root;
        private ManifestLoader loader = ManifestLoader.defaults();
        private int maxFiles = 20_000;
        private RenderSettings render = RenderSettings.defaults();
        private Renderers renderers;
        private Substitution substitution = Substitution.none();

        private Builder(Path root) {
            this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        }

        /**
         * Sets the manifest loader (limits).
         *
         * @param value the loader
         * @return this builder
         */
        public Builder loader(ManifestLoader value) {
            this.loader = requireNonNull(value, "loader is null");
            return this;
        }

        /**
         * Sets how many manifest files the folder may hold (default 20,000).
         *
         * @param value the limit, positive
         * @return this builder
         */
        public Builder maxFiles(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxFiles must be positive: " + value);
            }
            this.maxFiles = value;
            return this;
        }

        /**
         * Sets how the folder renders (default {@link RenderMode#AUTO}: Kustomize, Helm or plain, from the folder).
         *
         * @param value the render settings
         * @return this builder
         */
        public Builder render(RenderSettings value) {
            this.render = requireNonNull(value, "render is null");
            return this;
        }

        /**
         * Sets the renderers (default: those on the class path, {@link Renderers#discover()}).
         *
         * @param value the renderers
         * @return this builder
         */
        public Builder renderers(Renderers value) {
            this.renderers = requireNonNull(value, "renderers is null");
            return this;
        }

        /**
         * Sets the post-build variable substitution (default none).
         *
         * @param value the substitution
         * @return this builder
         */
        public Builder substitution(Substitution value) {
            this.substitution = requireNonNull(value, "substitution is null");
            return this;
        }

        private RenderPipeline pipeline() {
            return RenderPipeline.builder().settings(render).substitution(substitution)
                    .renderers(renderers != null ? renderers : Renderers.discover()).build();
        }

        /**
         * Builds the source.
         *
         * @return the source
         */
        public DirectorySource build() {
            return new DirectorySource(this);
        }
    }
}
