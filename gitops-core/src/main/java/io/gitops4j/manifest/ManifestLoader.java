package io.gitops4j.manifest;

import io.gitops4j.ManifestException;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import io.gitops4j.kinds.BuiltinKinds;
import io.gitops4j.kinds.WellKnownMetadata;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Provenance;
import io.gitops4j.model.Resource;
import io.gitops4j.model.ResourceKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Turns manifest files (YAML, multi-document with {@code ---}, or JSON) into {@link Resource}s.
 *
 * <p>What it does: skips empty documents; expands {@code kind: List} and {@code *List} documents with
 * {@code items}; rejects documents without {@code apiVersion}, {@code kind} or {@code metadata.name} (a hook, see
 * {@link WellKnownMetadata#isHook}, may have only {@code metadata.generateName}), cluster-scoped
 * kinds that name a namespace, identifying fields of the wrong type ({@code apiVersion}, {@code kind},
 * {@code metadata.name}, {@code metadata.namespace}, {@code metadata.generateName} must be strings, {@code metadata} a
 * mapping), Kustomize inputs (a kustomization file met among plain manifests: the render step detects Kustomize
 * folders before anything is parsed), files over {@link Builder#maxFileBytes}, YAML alias bombs
 * ({@link Builder#maxAliases}, {@link Builder#maxNodes}), duplicate keys in a mapping and overly deep nesting.
 *
 * <p>It reads what Kubernetes reads and rejects what Kubernetes rejects: files are strict UTF-8; YAML anchors,
 * aliases and merge keys ({@code <<}) are resolved; explicit YAML tags other than the core ones, or whose value does
 * not fit them ({@code !!bool maybe}), are errors; numbers must fit a float64 (no {@code .nan}, {@code .inf},
 * {@code 1e999999999}) and be at most 1,000 characters long; control characters are errors; tabs may end a line
 * after a value. Every error is a {@link ManifestException} naming the file, the document and the line of the
 * problem (the document is left out when a problem of the file's bytes is found before its document is known).
 *
 * <p>Immutable and thread-safe; build one and share it.
 */
public final class ManifestLoader {
    private static final Pattern QUOTED_TOKEN = Pattern.compile("(token) '.*?'(?=: )");
    private static final ManifestLoader DEFAULTS = builder().build();

    private final long maxFileBytes;
    private final int maxAliases;
    private final int maxNestingDepth;
    private final long maxNodes;
    private final YamlFileReader yaml;
    private final JsonFactory json;
    private final ParseWorkers workers;

    private ManifestLoader(Builder builder) {
        this.maxFileBytes = builder.maxFileBytes;
        this.maxAliases = builder.maxAliases;
        this.maxNestingDepth = builder.maxNestingDepth;
        this.maxNodes = builder.maxNodes;
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(maxAliases);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(maxNestingDepth);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxFileBytes));
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxNumberLength(Integer.MAX_VALUE) // the tree reader enforces NumberLimits, naming the line
                .build();
        this.yaml = new YamlFileReader(options, maxNodes, maxNestingDepth);
        this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
        this.workers = new ParseWorkers(builder.parallelism, builder.executor);
    }

    /**
     * Returns a loader with the default limits (8 MiB per file, 50 aliases, nesting depth 200).
     *
     * @return the shared default loader
     */
    public static ManifestLoader defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder for a loader with other limits.
     *
     * @return a new builder with the defaults set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the largest file this loader accepts, in bytes; a source may refuse a larger file before reading it.
     *
     * @return the limit set with {@link Builder#maxFileBytes(long)}
     */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * Tells whether a path names a manifest file this loader reads ({@code .yaml}, {@code .yml}, {@code .json}).
     *
     * @param path a file path
     * @return {@code true} for manifest files
     */
    public boolean isManifest(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    /**
     * Parses one file into resources, in document order.
     *
     * @param path the file's path inside the source, used in errors and provenance
     * @param content the file's bytes (UTF-8)
     * @return the resources; empty when every document is empty
     * @throws ManifestException when the file is invalid, naming the document and line
     */
    public List<Resource> parse(String path, byte[] content) {
        requireNonNull(path, "path is null");
        requireNonNull(content, "content is null");
        if (content.length > maxFileBytes) {
            throw new ManifestException(Provenance.of(path, -1, -1), "file is " + content.length
                    + " bytes, over the limit of " + maxFileBytes + " bytes; split it or raise maxFileBytes");
        }
        rejectKustomization(path);
        boolean isJson = path.toLowerCase(Locale.ROOT).endsWith(".json");
        List<Resource> resources = new ArrayList<>();
        if (isJson) {
            parseJson(path, content, resources);
        } else {
            parseYaml(path, content, resources);
        }
        return List.copyOf(resources);
    }

    private void parseJson(String path, byte[] content, List<Resource> resources) {
        int document = 0;
        int line = 1;
        try (JsonParser parser = json.createParser(content)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                line = lineOf(parser.currentTokenLocation());
                JsonTreeReader reader = new JsonTreeReader(parser, maxNodes);
                JsonNode node;
                try {
                    node = reader.read();
                } catch (DocumentProblem e) {
                    throw new ManifestException(Provenance.of(path, document, e.line > 0 ? e.line : line), e.getMessage());
                } catch (JsonTreeReader.TooLargeException e) {
                    throw new ManifestException(Provenance.of(path, document, line), e.getMessage());
                }
                addDocument(node, reader.lines(), Provenance.of(path, document, line), resources);
                document++;
            }
        } catch (JsonProcessingException e) {
            int errorLine = e.getLocation() == null ? line : lineOf(e.getLocation());
            throw new ManifestException(Provenance.of(path, document, errorLine), "invalid JSON: " + describe(e),
                    ParserFailure.of(e, errorLine, e.getLocation() == null ? -1 : e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new ManifestException(Provenance.of(path, document, line), "cannot read: " + e.getClass().getSimpleName(),
                    ParserFailure.of(e, line, -1));
        }
    }

    private void parseYaml(String path, byte[] content, List<Resource> resources) {
        yaml.read(path, content, (node, lines, provenance) -> {
            if (!isEmptyDocument(node)) {
                addDocument(node, lines, provenance, resources);
            }
        });
    }

    /**
     * Loads a set of files into a desired state: parses every manifest file (other files are ignored; several files
     * may be parsed at once, see {@link Builder#parallelism(int)}), takes their resources in path order, and rejects duplicate resources across files.
     *
     * @param revisionId the source revision the files belong to
     * @param files file path to content, sorted by path
     * @return the desired state, with the content digest computed
     * @throws ManifestException for the first invalid file, or a duplicate resource naming both places
     */
    public DesiredState load(String revisionId, SortedMap<String, byte[]> files) {
        requireNonNull(revisionId, "revisionId is null");
        List<Map.Entry<String, byte[]>> manifests = files.entrySet().stream().filter(f -> isManifest(f.getKey()))
                .toList();
        DeclaredResources declared = new DeclaredResources();
        for (Parsed parsed : workers.map(manifests, this::parsed)) {
            declared.addFile(parsed.resources());
        }
        return declared.toState(revisionId);
    }

    /**
     * Parses one file, keeping its failure instead of throwing it, so that files can be parsed at once and the
     * first invalid one in path order still be the one reported.
     */
    private Parsed parsed(Map.Entry<String, byte[]> file) {
        try {
            List<Resource> resources = parse(file.getKey(), file.getValue());
            for (Resource resource : resources) {
                resource.digest(); // computed once and kept: the state's content digest needs it, so do it in parallel
            }
            return new Parsed(resources, null);
        } catch (RuntimeException e) {
            return new Parsed(null, e);
        }
    }

    /** The resources of one parsed file, or why it could not be parsed. */
    private record Parsed(List<Resource> parsed, RuntimeException failure) {
        /** The resources, or the failure thrown. */
        List<Resource> resources() {
            if (failure != null) {
                throw failure;
            }
            return parsed;
        }
    }

    /**
     * Builds a desired state from files already parsed with {@link #parse(String, byte[])}, in path order, with the
     * same duplicate check and the same content digest as {@link #load(String, SortedMap)} of those files: a source
     * that remembers the resources of unchanged files parses only the changed ones and hands back the very same
     * {@link Resource} objects for the rest.
     *
     * @param revisionId the source revision the files belong to
     * @param parsedFiles file path to the resources parsed from that file (in document order), sorted by path; a
     *     file that declares nothing maps to an empty list
     * @return the desired state, holding exactly the given resource objects, with the content digest computed
     * @throws ManifestException for a duplicate resource, naming both places
     */
    public DesiredState assemble(String revisionId, SortedMap<String, List<Resource>> parsedFiles) {
        requireNonNull(revisionId, "revisionId is null");
        requireNonNull(parsedFiles, "parsedFiles is null");
        DeclaredResources declared = new DeclaredResources();
        for (List<Resource> resources : parsedFiles.values()) {
            declared.addFile(resources);
        }
        return declared.toState(revisionId);
    }

    private static boolean isEmptyDocument(JsonNode node) {
        return node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isEmpty());
    }

    private void addDocument(JsonNode node, FieldLines lines, Provenance provenance, List<Resource> out) {
        if (!node.isObject()) {
            throw new ManifestException(provenance, "a manifest document must be a mapping with apiVersion, kind "
                    + "and metadata, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        if (isList(node)) {
            JsonNode items = node.get("items");
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!item.isObject()) {
                    throw new ManifestException(provenance, "items[" + i + "] of the List is not a mapping");
                }
                out.add(toResource(item, lines, provenance, "items[" + i + "]: "));
            }
            return;
        }
        out.add(toResource(node, lines, provenance, ""));
    }

    private static boolean isList(JsonNode node) {
        String kind = node.path("kind").asText("");
        return kind.endsWith("List") && node.path("items").isArray()
                && (kind.equals("List") || !node.path("metadata").has("name"));
    }

    private static Resource toResource(JsonNode node, FieldLines lines, Provenance provenance, String prefix) {
        String apiVersion = node.path("apiVersion").asText("");
        if (apiVersion.startsWith("kustomize.config.k8s.io/")) {
            throw kustomization(provenance);
        }
        IdentityFields.check(node, lines, provenance, prefix);
        Resource resource;
        try {
            resource = Resource.of(node, provenance);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(provenance, prefix + e.getMessage()
                    + " (every manifest needs apiVersion, kind and metadata.name; a hook may have "
                    + "metadata.generateName instead)");
        }
        if (resource.hasGeneratedName() && !WellKnownMetadata.isHook(resource.annotations())) {
            throw new ManifestException(provenance, prefix + "metadata.generateName is only supported for hooks: "
                    + resource.kind() + " '" + resource.key().name() + "' has no metadata.name; give it one, or make "
                    + "it a hook with " + WellKnownMetadata.ARGO_HOOK + " (PreSync, Sync, PostSync, SyncFail)");
        }
        ResourceKey key = resource.key();
        if (!key.namespace().isEmpty() && BuiltinKinds.isClusterScoped(key.group(), key.kind())) {
            throw new ManifestException(provenance, prefix + key.kind() + " '" + key.name()
                    + "' is cluster-scoped but names namespace '" + key.namespace() + "'; remove metadata.namespace");
        }
        return resource;
    }

    private static void rejectKustomization(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("kustomization.yaml") || name.equals("kustomization.yml") || name.equals("Kustomization")) {
            throw kustomization(Provenance.of(path, -1, -1));
        }
    }

    private static ManifestException kustomization(Provenance provenance) {
        return new ManifestException(provenance, "this is a Kustomize input, not a plain manifest; a folder with a "
                + "kustomization file is rendered by Kustomize when it is the application's folder and the render "
                + "mode is AUTO or KUSTOMIZE (with io.gitops4j:gitops-kustomize on the class path): point the source "
                + "at that folder, render it first (kubectl kustomize <dir>) and load the output, or exclude it");
    }

    private static int lineOf(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? -1 : location.getLineNr();
    }

    /** The parser's message without the token it quotes, which may be a secret value. */
    private static String describe(JsonProcessingException e) {
        return QUOTED_TOKEN.matcher(YamlFileReader.firstLine(e.getOriginalMessage())).replaceAll("$1");
    }

    /** Configures a {@link ManifestLoader}. Not thread-safe; the loader it builds is. */
    public static final class Builder {
        private long maxFileBytes = 8L * 1024 * 1024;
        private int maxAliases = 50;
        private int maxNestingDepth = 200;
        private long maxNodes = 1_000_000;
        private int parallelism = Math.min(4, Runtime.getRuntime().availableProcessors());
        private Executor executor;

        private Builder() {
        }

        /**
         * Sets how many files {@link ManifestLoader#load} parses at once, the calling thread included (default: the
         * number of processors, at most 4). A few files are parsed on the calling thread alone; more are shared with
         * up to {@code threads - 1} helpers. Helpers are daemon threads the load starts and that end before it
         * returns, or tasks on the {@link #executor(Executor)} set; never the common fork-join pool.
         *
         * @param threads the limit, positive; 1 parses on the calling thread only
         * @return this builder
         */
        public Builder parallelism(int threads) {
            if (threads <= 0) {
                throw new IllegalArgumentException("parallelism must be positive: " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /**
         * Runs the helpers of {@link #parallelism(int)} on an executor of the caller's instead of on threads started
         * per load. The loader never shuts it down: whoever created it closes it. A busy, saturated or shut-down
         * executor only slows a load (the calling thread parses whatever the helpers do not), it never fails one.
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = requireNonNull(value, "executor is null");
            return this;
        }

        /**
         * Sets the largest file accepted, in bytes (default 8 MiB).
         *
         * @param bytes the limit, positive
         * @return this builder
         */
        public Builder maxFileBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxFileBytes must be positive: " + bytes);
            }
            this.maxFileBytes = bytes;
            return this;
        }

        /**
         * Sets how many YAML aliases of collections a file may use (default 50), which bounds alias expansion.
         *
         * @param aliases the limit, zero or more
         * @return this builder
         */
        public Builder maxAliases(int aliases) {
            if (aliases < 0) {
                throw new IllegalArgumentException("maxAliases must not be negative: " + aliases);
            }
            this.maxAliases = aliases;
            return this;
        }

        /**
         * Sets the deepest nesting accepted (default 200).
         *
         * @param depth the limit, positive
         * @return this builder
         */
        public Builder maxNestingDepth(int depth) {
            if (depth <= 0) {
                throw new IllegalArgumentException("maxNestingDepth must be positive: " + depth);
            }
            this.maxNestingDepth = depth;
            return this;
        }

        /**
         * Sets how many JSON nodes one document may expand to, aliases included (default 1,000,000), which stops
         * alias bombs that stay under {@link #maxAliases(int)}.
         *
         * @param count the limit, positive
         * @return this builder
         */
        public Builder maxNodes(long count) {
            if (count <= 0) {
                throw new IllegalArgumentException("maxNodes must be positive: " + count);
            }
            this.maxNodes = count;
            return this;
        }

        /**
         * Builds the loader.
         *
         * @return an immutable loader
         */
        public ManifestLoader build() {
            return new ManifestLoader(this);
        }
    }
}
