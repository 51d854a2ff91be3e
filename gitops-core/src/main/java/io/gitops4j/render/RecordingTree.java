package io.gitops4j.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tree that remembers what a renderer looked at: the id of every file it read, the listing of every folder it
 * listed and the answer to every lookup. {@link #observations()} is what the output depends on; another tree that
 * gives the same answers to all of them renders to the same output. Thread-safe.
 */
final class RecordingTree implements SourceTree {
    private final SourceTree tree;
    private final Map<String, TreeObservation> seen = new ConcurrentHashMap<>();

    RecordingTree(SourceTree tree) {
        this.tree = tree;
    }

    /** Returns everything looked at so far, keyed by kind and path. */
    Map<String, TreeObservation> observations() {
        return Map.copyOf(seen);
    }

    @Override
    public String describe() {
        return tree.describe();
    }

    @Override
    public Optional<TreeEntry> entry(String path) {
        Optional<TreeEntry> entry = tree.entry(path);
        seen.putIfAbsent("entry:" + path, new TreeObservation.Lookup(path, entry.map(TreeEntry::type).orElse(null)));
        return entry;
    }

    @Override
    public List<TreeEntry> list(String folder) {
        List<TreeEntry> entries = tree.list(folder);
        seen.putIfAbsent("list:" + folder, new TreeObservation.Listing(folder, entries));
        return entries;
    }

    @Override
    public byte[] read(String path) {
        byte[] content = tree.read(path);
        seen.computeIfAbsent("read:" + path, key -> new TreeObservation.Content(path, tree.id(path)));
        return content;
    }

    @Override
    public String id(String path) {
        String id = tree.id(path);
        seen.putIfAbsent("read:" + path, new TreeObservation.Content(path, id));
        return id;
    }
}
