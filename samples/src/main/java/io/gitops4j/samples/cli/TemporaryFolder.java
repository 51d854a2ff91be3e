package io.gitops4j.samples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A folder that lives as long as a command: created empty, deleted with its files on {@link #close()}. */
final class TemporaryFolder implements AutoCloseable {
    private final Path path;

    private TemporaryFolder(Path path) {
        this.path = path;
    }

    /**
     * Creates a folder under the system's temporary folder.
     *
     * @param prefix the start of its name
     * @return the folder
     * @throws CommandException when it cannot be created
     */
    static TemporaryFolder create(String prefix) {
        try {
            return new TemporaryFolder(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new CommandException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }

    @Override
    public String toString() {
        return "temporary folder " + path;
    }
}
