package io.gitops4j.render;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a {@link SourceTree}.
 *
 * @param path the entry's path from the repository root
 * @param type what the entry is
 */
public record TreeEntry(String path, Type type) {

    /** What an entry of a tree is. */
    public enum Type {
        /** A regular file. */
        FILE,
        /** A folder. */
        FOLDER,
        /** A symbolic link, never followed. */
        SYMLINK,
        /** A Git submodule, whose content lives in another repository. */
        SUBMODULE
    }

    /**
     * Checks the fields.
     *
     * @param path the entry's path
     * @param type its type
     */
    public TreeEntry {
        requireNonNull(path, "path is null");
        requireNonNull(type, "type is null");
    }

    /**
     * Returns the last segment of the path.
     *
     * @return the entry's name
     */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Tells whether this is a regular file.
     *
     * @return {@code true} for a file
     */
    public boolean isFile() {
        return type == Type.FILE;
    }

    /**
     * Tells whether this is a folder.
     *
     * @return {@code true} for a folder
     */
    public boolean isFolder() {
        return type == Type.FOLDER;
    }
}
