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
 * {@code java -jar gitops4j.jar}. Output goes to files beside the cache; a non-zero exit or a run past two minutes
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

    /** {@code kubectl apply --server-side -f dir} against a kubeconfig. */
    static void kubectlApply(Path kubectl, Path kubeconfig, Path cacheDir, Path dir) {
        run(cacheDir, List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(), "--cache-dir",
                cacheDir.toString(), "apply", "--server-side", "--force-conflicts", "-f", dir.toString()));
    }

    /** {@code java -jar gitops4j.jar apply --dir dir --kubeconfig kubeconfig}. */
    static void cliApply(Path jar, Path kubeconfig, Path workDir, Path dir) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        run(workDir, List.of(java.toString(), "-jar", jar.toString(), "apply", "--dir", dir.toString(), "--kubeconfig",
                kubeconfig.toString()));
    }

    private static void run(Path workDir, List<String> command) {
        try {
            Files.createDirectories(workDir);
            Path out = workDir.resolve("out.txt");
            Path err = workDir.resolve("err.txt");
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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
