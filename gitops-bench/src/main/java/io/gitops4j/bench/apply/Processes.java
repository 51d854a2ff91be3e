package io.gitops4j.bench.apply;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the peers and the CLI as processes: {@code kubectl} (found on the PATH, with a private discovery cache) and
 * the CLI, through its launcher {@code gitops4j} or as {@code java -jar gitops4j.jar}. Output goes to files beside the cache; a non-zero exit or a run past two minutes
 * fails the benchmark with the process's error output.
 */
final class Processes {
    private Processes() {
    }

    /** Returns the kubectl binary on the PATH, if any. */
    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "kubectl");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the kubectl binary, or fails naming what is missing. */
    static Path requireKubectl() {
        return kubectl().orElseThrow(() -> new IllegalStateException("kubectl is not on the PATH; the kubectl peer "
                + "benchmarks need it (run-all.sh leaves them out without it)"));
    }

    /** Returns the CLI jar: {@code -Dgitops4j.cli.jar}, else {@code samples/target/gitops4j.jar} under the cwd. */
    static Path cliJar() {
        Path jar = Path.of(System.getProperty("gitops4j.cli.jar", "samples/target/gitops4j.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no CLI jar at " + jar + "; build it (mvn -o -q -pl samples -am package "
                    + "-DskipTests) or pass -Dgitops4j.cli.jar=PATH");
        }
        return jar;
    }

    /**
     * Makes sure the launcher next to the CLI jar has its class-data archive (Java 17 to 24) or AOT cache (Java 25 and
     * later) for a java, as the build leaves it for the build's java: runs {@code gitops4j cds} on that java (untimed)
     * when the archive is missing or older than the jar.
     *
     * @param javaHome the java the launcher will run on
     */
    static void prepareLauncher(Path javaHome) {
        Path jar = cliJar();
        Runtime.Version version = CliJavas.version(javaHome).orElseThrow(() -> new IllegalStateException("no "
                + "readable release file stating JAVA_VERSION in " + javaHome + "; the launcher needs it to match an "
                + "archive to that java"));
        Path archive = jar.resolveSibling("gitops4j-java" + version + (version.feature() >= 25 ? ".aot" : ".jsa"));
        try {
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return;
            }
            Path work = Files.createTempDirectory("gitops4j-bench-cds-");
            run(work, List.of(launcher(jar).toString(), "cds"), javaHome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kubectl apply --server-side -f dir} against a kubeconfig. */
    static void kubectlApply(Path kubectl, Path kubeconfig, Path cacheDir, Path dir) {
        run(cacheDir, List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(), "--cache-dir",
                cacheDir.toString(), "apply", "--server-side", "--force-conflicts", "-f", dir.toString()),
                CliJavas.own());
    }

    /**
     * {@code gitops4j apply --dir dir --kubeconfig kubeconfig}, started through the launcher next to the jar (as
     * README tells a user to), or as a plain {@code java -jar gitops4j.jar}, on a java ({@code JAVA_HOME} for the
     * launcher).
     */
    static void cliApply(CliLaunch launch, Path javaHome, Path kubeconfig, Path workDir, Path dir) {
        Path jar = cliJar();
        List<String> command = new ArrayList<>();
        if (launch == CliLaunch.LAUNCHER) {
            command.add(launcher(jar).toString());
        } else {
            command.addAll(List.of(javaHome.resolve("bin").resolve("java").toString(), "-jar",
                    jar.toString()));
        }
        command.addAll(List.of("apply", "--dir", dir.toString(), "--kubeconfig", kubeconfig.toString()));
        run(workDir, command, javaHome);
    }

    private static Path launcher(Path jar) {
        Path launcher = jar.resolveSibling("gitops4j");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher next to " + jar + "; mvn package writes "
                    + "samples/target/gitops4j beside the jar");
        }
        return launcher;
    }

    /** How a benchmark starts the CLI. */
    enum CliLaunch {
        /** {@code samples/target/gitops4j}: JVM options for a short-lived tool and the class-data archive. */
        LAUNCHER,
        /** {@code java -jar samples/target/gitops4j.jar}, no options. */
        JAVA_JAR
    }

    private static void run(Path workDir, List<String> command, Path javaHome) {
        try {
            Files.createDirectories(workDir);
            Path out = workDir.resolve("out.txt");
            Path err = workDir.resolve("err.txt");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8) + Files.readString(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
