package io.gitops4j.bench.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Java installations the CLI benchmarks start the CLI on: this benchmark's own, and a Java 25 or later (whose
 * launcher runs on an AOT cache) when one is found: {@code -Dgitops4j.cli.java=HOME}, else {@code $JAVA25_HOME}, else
 * the newest Java of feature 25 or later under {@code /usr/lib/jvm}. {@code run-all.sh} runs {@link #main} to learn
 * whether the Java 25 rows can run, and leaves them out when not. Stateless.
 */
public final class CliJavas {
    /** The system property naming the Java home of the Java 25 rows. */
    static final String PROPERTY = "gitops4j.cli.java";
    private static final Path JVMS = Path.of("/usr/lib/jvm");

    private CliJavas() {
    }

    /**
     * Prints the Java home the Java 25 rows would use, or exits with 1 (and a line on stderr) when there is none.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Optional<Path> home = java25();
        if (home.isEmpty()) {
            System.err.println("no Java 25 or later: set -D" + PROPERTY + "=HOME or JAVA25_HOME, or install one under "
                    + JVMS);
            System.exit(1);
        }
        System.out.println(home.get());
    }

    /** Returns this benchmark's own Java home. */
    static Path own() {
        return Path.of(System.getProperty("java.home"));
    }

    /** Returns a Java 25 or later home, if one is named or found. */
    static Optional<Path> java25() {
        String named = System.getProperty(PROPERTY, System.getenv("JAVA25_HOME"));
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(CliJavas::hasJava);
        }
        if (!Files.isDirectory(JVMS)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVMS)) {
            return homes.filter(CliJavas::hasJava).filter(home -> version(home).map(v -> v.feature() >= 25)
                    .orElse(false)).max(Comparator.comparing(home -> version(home).orElseThrow()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a Java 25 or later home, or fails saying how to name one. */
    static Path requireJava25() {
        return java25().orElseThrow(() -> new IllegalStateException("no Java 25 or later for the Java 25 CLI rows: "
                + "set -D" + PROPERTY + "=HOME or JAVA25_HOME (run-all.sh leaves these rows out without one)"));
    }

    /** Returns the exact version a Java home's {@code release} file states ({@code JAVA_VERSION="17.0.15"}). */
    static Optional<Runtime.Version> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isReadable(release)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=\"") && line.endsWith("\"") && line.length() > 15) {
                    return Optional.of(Runtime.Version.parse(line.substring(14, line.length() - 1)));
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean hasJava(Path home) {
        return Files.isExecutable(home.resolve("bin").resolve("java"));
    }
}
