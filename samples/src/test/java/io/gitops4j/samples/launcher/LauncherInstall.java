package io.gitops4j.samples.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The launcher script copied into a folder with a stand-in jar, and a stand-in Java home whose {@code bin/java}
 * records its arguments (one a line) and, asked to record an archive, writes the file it names — so a test sees
 * exactly what the launcher would start.
 */
final class LauncherInstall {
    static final Path SCRIPT = Path.of("src/main/launcher/gitops4j");

    final Path folder;
    final Path javaHome;
    final Path jar;
    private final Path arguments;

    private LauncherInstall(Path folder, Path javaHome) {
        this.folder = folder;
        this.javaHome = javaHome;
        this.jar = folder.resolve("gitops4j.jar");
        this.arguments = javaHome.resolve("arguments.txt");
    }

    /** Copies the launcher next to a stand-in jar and makes a Java home of the given version. */
    static LauncherInstall of(Path temp, String javaVersion, boolean javaFails) throws IOException {
        LauncherInstall install = new LauncherInstall(Files.createDirectories(temp.resolve("dist")),
                Files.createDirectories(temp.resolve("jdk")));
        Files.copy(SCRIPT, install.folder.resolve("gitops4j"));
        executable(install.folder.resolve("gitops4j"));
        Files.writeString(install.jar, "a stand-in for the jar");
        Files.setLastModifiedTime(install.jar, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.writeString(install.javaHome.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\""
                + javaVersion + "\"\n");
        Path java = Files.createDirectories(install.javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "printf '%s\\n' \"$@\" > '" + install.arguments + "'\n"
                + "for a in \"$@\"; do case $a in -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*) "
                + "echo archive > \"${a#*=}\";; esac; done\n"
                + (javaFails ? "exit 1\n" : "exit 0\n"));
        executable(java);
        return install;
    }

    /** Tells whether a shell is there to run the launcher. */
    static boolean shellAvailable() {
        return Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash"));
    }

    /** Writes an archive file newer than the jar. */
    Path archive(String name) throws IOException {
        return Files.writeString(folder.resolve(name), "archive");
    }

    /** Runs the launcher and returns its exit code and output. */
    Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return run(folder.resolve("gitops4j"), environment, args);
    }

    /** Runs the launcher through another path to it (a symlink) and returns its exit code and output. */
    Result run(Path launcher, Map<String, String> environment, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("GITOPS4J_JAVA_OPTS");
        builder.environment().remove("GITOPS4J_CDS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not finish in 30 s: " + output);
        }
        List<String> started = Files.exists(arguments) ? Files.readAllLines(arguments) : List.of();
        return new Result(process.exitValue(), output, started);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * What a launcher run did.
     *
     * @param exitCode the launcher's exit code
     * @param output what it printed (stdout and stderr)
     * @param javaArguments the arguments the stand-in java was started with, empty when it was not
     */
    record Result(int exitCode, String output, List<String> javaArguments) {
    }
}
