package io.gitops4j.testkit.git;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the {@code git} command line in one folder, for tests that build repositories the way users do.
 *
 * <p>Every command runs with a fixed author and committer, no system or global configuration and the extra
 * environment given to {@link #withEnvironment(String, String)}, so results do not depend on the machine.
 * A command that exits non-zero throws {@link IllegalStateException} with its output. Immutable; thread-safe.
 */
public final class GitCli {
    private static final long TIMEOUT_SECONDS = 60;

    private final Path directory;
    private final Map<String, String> environment;

    private GitCli(Path directory, Map<String, String> environment) {
        this.directory = requireNonNull(directory, "directory is null");
        this.environment = Map.copyOf(environment);
    }

    /**
     * Returns a runner for {@code directory}, skipping the calling test (JUnit assumption) when {@code git} is
     * not installed.
     */
    public static GitCli in(Path directory) {
        Assumptions.assumeTrue(isAvailable(), "the git command line is not installed; skipping");
        return new GitCli(directory, Map.of());
    }

    /** Returns whether a {@code git} binary can be run from the {@code PATH}. */
    public static boolean isAvailable() {
        return commandWorks("git", "--version");
    }

    /** Returns whether {@code command} runs and exits with status 0 (used to skip tests needing a binary). */
    public static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Returns a copy of this runner that also sets environment variable {@code name}. */
    public GitCli withEnvironment(String name, String value) {
        Map<String, String> copy = new HashMap<>(environment);
        copy.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return new GitCli(directory, copy);
    }

    /** Returns the folder commands run in. */
    public Path directory() {
        return directory;
    }

    /** Runs {@code git args...} and returns its standard output, trimmed; throws when the command fails. */
    public String run(String... args) {
        return new String(execute("git", true, args), StandardCharsets.UTF_8).trim();
    }

    /** Runs {@code git args...} and returns its raw standard output bytes (for {@code git archive}). */
    public byte[] runForBytes(String... args) {
        return execute("git", false, args);
    }

    /**
     * Runs another program (e.g. {@code gpg}) in the same folder with the same environment and returns its
     * standard output, trimmed; throws when it fails.
     */
    public String runProgram(String program, String... args) {
        return new String(execute(program, true, args), StandardCharsets.UTF_8).trim();
    }

    private byte[] execute(String program, boolean mergeErrors, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(fixedEnvironment());
        builder.environment().putAll(environment);
        if (mergeErrors) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        String described = program + " " + String.join(" ", args) + " in " + directory;
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(described + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(described + " failed with status " + process.exitValue() + ":\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + described, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + described, e);
        }
    }

    private static Map<String, String> fixedEnvironment() {
        return Map.of(
                "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_CONFIG_GLOBAL", "/dev/null",
                "GIT_AUTHOR_NAME", "gitops4j test",
                "GIT_AUTHOR_EMAIL", "test@gitops4j.io",
                "GIT_COMMITTER_NAME", "gitops4j test",
                "GIT_COMMITTER_EMAIL", "test@gitops4j.io",
                "GIT_TERMINAL_PROMPT", "0");
    }
}
