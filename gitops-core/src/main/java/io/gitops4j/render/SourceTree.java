package io.gitops4j.render;

import io.gitops4j.SourceException;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of a repository's files at one revision (a Git tree, or a folder on disk), as renderers see it.
 *
 * <p>Paths are relative to the repository root, separated by {@code /}, without {@code .} or {@code ..} segments;
 * {@code ""} is the root. A tree never follows symbolic links: they are listed as {@link TreeEntry.Type#SYMLINK} and
 * {@link #read} refuses them. Implementations are immutable and thread-safe.
 */
public interface SourceTree {

    /**
     * Describes the tree for messages, e.g. {@code https://example.org/shop.git at 1a2b3c4}; never credentials.
     *
     * @return the description
     */
    String describe();

    /**
     * Looks up one path.
     *
     * @param path a normal relative path; {@code ""} for the root folder
     * @return the entry, or empty when nothing is at that path
     * @throws SourceException when the tree cannot be read
     */
    Optional<TreeEntry> entry(String path);

    /**
     * Lists the entries directly inside a folder, sorted by name (byte order of UTF-8).
     *
     * @param folder the folder's path; {@code ""} for the root
     * @return the entries
     * @throws SourceException when {@code folder} is not a folder of this tree, or it cannot be read
     */
    List<TreeEntry> list(String folder);

    /**
     * Reads a regular file.
     *
     * @param path the file's path
     * @return its bytes
     * @throws SourceException when the path is missing, not a regular file (a folder, link or submodule), over the
     *     tree's size limit, or cannot be read
     */
    byte[] read(String path);

    /**
     * Returns an id of the content at a path: equal ids mean equal content (file bytes, or a folder's whole
     * sub-tree), so a renderer's output can be reused when the ids of everything it read are unchanged. A Git tree
     * returns object ids; a folder on disk returns content digests.
     *
     * @param path a path that exists in this tree
     * @return the id
     * @throws SourceException when the path does not exist or cannot be read
     */
    String id(String path);
}
