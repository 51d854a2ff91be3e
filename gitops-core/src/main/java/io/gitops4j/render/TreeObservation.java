package io.gitops4j.render;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One thing a renderer looked at in a tree, and whether another tree still shows the same. */
sealed interface TreeObservation {

    /** Tells whether {@code tree} gives the same answer; a path that vanished is no longer the same. */
    boolean holds(SourceTree tree);

    /** A file read (or an id asked for): same when the path has the same id. */
    record Content(String path, String id) implements TreeObservation {
        @Override
        public boolean holds(SourceTree tree) {
            return tree.entry(path).isPresent() && tree.id(path).equals(id);
        }
    }

    /** A folder listed: same when it lists the same names and types. */
    record Listing(String folder, List<TreeEntry> entries) implements TreeObservation {
        public Listing {
            entries = List.copyOf(entries);
        }

        @Override
        public boolean holds(SourceTree tree) {
            Optional<TreeEntry> entry = tree.entry(folder);
            return (folder.isEmpty() || entry.isPresent() && entry.get().isFolder())
                    && tree.list(folder).equals(entries);
        }
    }

    /** A path looked up: same when it is still absent, or still of the same type. */
    record Lookup(String path, TreeEntry.Type type) implements TreeObservation {
        @Override
        public boolean holds(SourceTree tree) {
            return Objects.equals(tree.entry(path).map(TreeEntry::type).orElse(null), type);
        }
    }
}
