package io.gitops4j.git;

import io.gitops4j.model.Resource;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The manifest files of one loaded commit: for each repository path, the blob it held and the resources parsed
 * from that blob. {@link #next} builds the files of another commit, parsing only the paths whose blob is new or
 * changed and keeping the very same resource objects for the rest (same path and same blob id: the same bytes, so
 * the same resources and the same provenance).
 *
 * <p>Immutable and thread-safe. It holds exactly the files of one commit, so a source that keeps only the last one
 * never grows, and a file the next commit deletes or changes is never carried over.
 */
final class ParsedTree {
    /** The files before any load: every file of the first commit is parsed. */
    static final ParsedTree EMPTY = new ParsedTree(new TreeMap<>(), 0);

    private final SortedMap<String, ParsedFile> files;
    private final int parsedCount;

    private ParsedTree(SortedMap<String, ParsedFile> files, int parsedCount) {
        this.files = Collections.unmodifiableSortedMap(files);
        this.parsedCount = parsedCount;
    }

    /** Parses one blob of the new commit into resources (reading it and enforcing the limits). */
    @FunctionalInterface
    interface FileParser {
        List<Resource> parse(String path, ObjectId blob) throws IOException;
    }

    /**
     * Returns the files of a commit whose selected manifests are {@code blobs} (path to blob id): reused from this
     * tree where the path holds the same blob, parsed with {@code parser} otherwise. Nothing here changes, so a
     * failure leaves this tree as it was.
     */
    ParsedTree next(SortedMap<String, ObjectId> blobs, FileParser parser) throws IOException {
        SortedMap<String, ParsedFile> next = new TreeMap<>();
        int parsed = 0;
        for (Map.Entry<String, ObjectId> entry : blobs.entrySet()) {
            String path = entry.getKey();
            ObjectId blob = entry.getValue();
            ParsedFile known = files.get(path);
            if (known == null || !known.blob().equals(blob)) {
                known = new ParsedFile(blob, parser.parse(path, blob));
                parsed++;
            }
            next.put(path, known);
        }
        return new ParsedTree(next, parsed);
    }

    /** Returns path to the resources parsed from that file, sorted by path. */
    SortedMap<String, List<Resource>> resources() {
        SortedMap<String, List<Resource>> resources = new TreeMap<>();
        files.forEach((path, file) -> resources.put(path, file.resources()));
        return resources;
    }

    /** Returns how many manifest files the commit has. */
    int fileCount() {
        return files.size();
    }

    /** Returns how many of them {@link #next} had to parse (the rest were reused). */
    int parsedCount() {
        return parsedCount;
    }

    /** One file: the blob it held and what was parsed from it. */
    private record ParsedFile(ObjectId blob, List<Resource> resources) {
    }
}
