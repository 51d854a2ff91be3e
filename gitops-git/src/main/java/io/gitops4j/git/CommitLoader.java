package io.gitops4j.git;

import io.gitops4j.manifest.ManifestLoader;
import io.gitops4j.model.DesiredState;
import io.gitops4j.SourceException;
import java.io.IOException;
import io.gitops4j.model.Resource;
import io.gitops4j.render.RenderMode;
import io.gitops4j.render.RenderPipeline;
import io.gitops4j.render.Rendered;
import io.gitops4j.render.TreeEntry;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one commit of the clone into a desired state: checks the signature policy, decides from the folder's listing
 * how it renders; for plain manifests lists the selected files of the tree and parses those whose blob changed since
 * the last load, for a Kustomize or Helm folder renders it through the pipeline's cache (the whole commit is the
 * renderer's tree, so {@code ../} bases inside the repository resolve); then substitutes variables, assembles the
 * state with the manifest loader and checks the expected digest.
 *
 * <p>Remembers the last commit it loaded: the same commit gets the very same state back (a commit's content never
 * changes), and another commit reuses the parsed resource objects of every file whose path and blob id are the
 * same, so a small commit costs in proportion to what it changed. Only the last successful load is kept (a failed
 * load leaves it as it was). Every loaded commit is kept reachable in the clone ({@link LoadedCommitRefs}), and reads
 * never overlap a compaction of the clone. Thread-safe.
 */
final class CommitLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLoader.class);

    private final CachedRepository repository;
    private final TreeReader reader;
    private final ManifestLoader loader;
    private final CommitSignatureCheck signatureCheck;
    private final String description;
    private final ReadSettings read;
    private final RenderPipeline pipeline;
    private volatile Loaded last;

    CommitLoader(CachedRepository repository, ReadSettings read, ManifestLoader loader,
            CommitSignatureCheck signatureCheck, String description, RenderPipeline pipeline) {
        this.repository = repository;
        this.reader = new TreeReader(read, loader::isManifest);
        this.loader = loader;
        this.signatureCheck = signatureCheck;
        this.description = description;
        this.read = read;
        this.pipeline = pipeline;
    }

    /** Returns the id of the commit loaded last, or null before the first load. */
    String lastLoadedId() {
        Loaded loaded = last;
        return loaded == null ? null : loaded.state().revision().id();
    }

    /**
     * Loads commit {@code id}; a non-empty {@code expectedDigest} must equal the loaded content's digest. The
     * commit is then kept reachable in the clone, so a compaction never drops it.
     */
    DesiredState load(ObjectId id, String expectedDigest) {
        Loaded previous = last;
        if (previous != null && previous.state().revision().id().equals(id.name())
                && !pipeline.substitution().hasSources()) {
            requireDigest(previous.state(), expectedDigest);
            repository.keepLoaded(id);
            LOG.debug("{} is still at {}; reusing the state loaded last", description, previous.state().revision());
            return previous.state();
        }
        return repository.reading(() -> read(id, expectedDigest, previous));
    }

    private DesiredState read(ObjectId id, String expectedDigest, Loaded previous) {
        long start = System.nanoTime();
        RevCommit commit = parse(id);
        signatureCheck.verify(commit, repository.url());
        CommitTree tree = new CommitTree(repository.repository(), commit, read.maxFileSize(), repository.url());
        RenderMode mode = tree.entry(read.path()).filter(TreeEntry::isFolder).isPresent()
                ? pipeline.modeFor(tree, read.path()) : RenderMode.PLAIN;
        if (mode != RenderMode.PLAIN) {
            Rendered rendered = pipeline.render(tree, read.path(), loader);
            DesiredState state = loader.assemble(commit.name(), new TreeMap<>(Map.of("", rendered.resources())))
                    .withRenderedBy(rendered.renderer());
            requireDigest(state, expectedDigest);
            repository.keepLoaded(id);
            last = new Loaded(state, ParsedTree.EMPTY);
            return state;
        }
        ParsedTree files = readAndParse(commit, previous == null ? ParsedTree.EMPTY : previous.files());
        DesiredState state = loader.assemble(commit.name(), substituted(files.resources()));
        requireDigest(state, expectedDigest);
        repository.keepLoaded(id);
        last = new Loaded(state, files);
        LOG.info("Loaded {} resources from {} files ({} parsed, the rest unchanged) of {} at {} in {} ms",
                state.size(), files.fileCount(), files.parsedCount(), description, state.revision(),
                (System.nanoTime() - start) / 1_000_000);
        return state;
    }

    /** Applies the post-build substitution to plain manifests, file by file (nothing when none is configured). */
    private SortedMap<String, List<Resource>> substituted(SortedMap<String, List<Resource>> files) {
        if (pipeline.substitution().isEmpty()) {
            return files;
        }
        SortedMap<String, List<Resource>> out = new TreeMap<>();
        files.forEach((path, resources) -> out.put(path, pipeline.substitute(resources, loader)));
        return out;
    }

    private ParsedTree readAndParse(RevCommit commit, ParsedTree previous) {
        String where = repository.url() + " at " + commit.name();
        try (ObjectReader objects = repository.repository().newObjectReader()) {
            SortedMap<String, ObjectId> blobs = reader.list(objects, commit, repository.url());
            return previous.next(blobs, (path, blob) -> loader.parse(path, reader.readBlob(objects, blob, path, where)));
        } catch (IOException e) {
            throw new SourceException("cannot read the tree of commit " + commit.name() + " of " + repository.url()
                    + ": " + e.getMessage() + "; the cached clone may be damaged, delete the cache folder to re-clone",
                    e);
        }
    }

    private RevCommit parse(ObjectId id) {
        try (RevWalk walk = new RevWalk(repository.repository())) {
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new SourceException("cannot read commit " + id.name() + " of " + repository.url() + ": "
                    + e.getMessage(), e);
        }
    }

    private void requireDigest(DesiredState state, String expectedDigest) {
        if (!expectedDigest.isEmpty() && !expectedDigest.equals(state.revision().digest())) {
            throw new SourceException("content of commit " + state.revision().id() + " in " + description
                    + " has digest " + state.revision().digest() + ", not the expected " + expectedDigest + "; the"
                    + " source's path or filters changed since that revision was recorded, or the revision belongs to"
                    + " another source");
        }
    }

    /** The state loaded last and the parsed files it was assembled from. */
    private record Loaded(DesiredState state, ParsedTree files) {
    }
}
