package io.gitops4j.render;

import static java.util.Objects.requireNonNull;

import io.gitops4j.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SourceTree} over a folder on disk: the folder is the tree's root. Symbolic links are listed, never
 * followed; ids are SHA-256 digests of file bytes and, for folders, of their listing with the ids of what they hold.
 * Reads the disk on every call, so it sees changes made after it was created; thread-safe.
 */
public final class FolderTree implements SourceTree {
    private final Path root;
    private final long maxFileBytes;

    private FolderTree(Path root, long maxFileBytes) {
        this.root = root;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Returns a tree over a folder, reading files of at most {@code maxFileBytes}.
     *
     * @param root the folder
     * @param maxFileBytes the largest file {@link #read} returns
     * @return the tree
     * @throws SourceException when {@code root} is not a folder
     */
    public static FolderTree of(Path root, long maxFileBytes) {
        Path normal = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        if (!Files.isDirectory(normal, LinkOption.NOFOLLOW_LINKS)) {
            throw new SourceException("folder " + normal + " does not exist or is not a directory");
        }
        return new FolderTree(normal, maxFileBytes);
    }

    /**
     * Returns a tree over a folder with a 16 MiB file limit.
     *
     * @param root the folder
     * @return the tree
     */
    public static FolderTree of(Path root) {
        return of(root, 16L << 20);
    }

    /**
     * Returns the folder this tree reads.
     *
     * @return the root folder
     */
    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    @Override
    public Optional<TreeEntry> entry(String path) {
        Path file = resolve(path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(new TreeEntry(path, typeOf(file)));
    }

    @Override
    public List<TreeEntry> list(String folder) {
        Path dir = resolve(folder);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new SourceException("'" + folder + "' is not a folder of " + describe());
        }
        List<TreeEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                entries.add(new TreeEntry(folder.isEmpty() ? name : folder + "/" + name, typeOf(child)));
            }
        } catch (IOException e) {
            throw new SourceException("cannot list '" + folder + "' of " + describe() + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(TreeEntry::name, FolderTree::compareUtf8));
        return List.copyOf(entries);
    }

    @Override
    public byte[] read(String path) {
        Path file = resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            String what = Files.isSymbolicLink(file) ? "a symbolic link (links are never followed)"
                    : Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "missing";
            throw new SourceException("'" + path + "' in " + describe() + " is " + what + "; expected a file");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (content.length > maxFileBytes) {
                throw new SourceException("file '" + path + "' in " + describe() + " is over the limit of "
                        + maxFileBytes + " bytes");
            }
            return content;
        } catch (IOException e) {
            throw new SourceException("cannot read '" + path + "' in " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String id(String path) {
        TreeEntry entry = entry(path).orElseThrow(() -> new SourceException("'" + path + "' does not exist in "
                + describe()));
        MessageDigest digest = sha256();
        switch (entry.type()) {
            case FILE -> digest.update(read(path));
            case FOLDER -> {
                for (TreeEntry child : list(path)) {
                    digest.update((child.type() + " " + child.name() + " " + id(child.path()) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> digest.update(linkTarget(path).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String linkTarget(String path) {
        try {
            return Files.readSymbolicLink(resolve(path)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private Path resolve(String path) {
        requireNonNull(path, "path is null");
        if (path.isEmpty()) {
            return root;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0) {
                throw new SourceException("'" + path + "' is not a normal path inside " + describe());
            }
        }
        return root.resolve(path);
    }

    private static TreeEntry.Type typeOf(Path file) {
        if (Files.isSymbolicLink(file)) {
            return TreeEntry.Type.SYMLINK;
        }
        return Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? TreeEntry.Type.FOLDER : TreeEntry.Type.FILE;
    }

    private static int compareUtf8(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
