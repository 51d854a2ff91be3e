package io.gitops4j.samples.cli;

import io.gitops4j.samples.demo.DemoManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's v1 manifests in a folder, a folder target and a history file, all under one temporary folder, and
 * the tool run against them.
 *
 * @param temp the temporary folder
 * @param manifests the folder of manifests, to edit between runs
 */
record CliWorkspace(Path temp, Path manifests) {

    static CliWorkspace in(Path temp) {
        return new CliWorkspace(temp, DemoManifests.writeTo("v1", temp.resolve("manifests")));
    }

    /** Runs a command as application {@code shop} with no terminal. */
    CliRun run(String command, String... more) {
        return run(CliRun.SCRIPT, "shop", command, more);
    }

    /** Runs a command as an application in an environment. */
    CliRun run(CliEnvironment environment, String application, String command, String... more) {
        String[] common = {"--dir", manifests.toString(), "--folder-target", temp.resolve("live").toString(),
            "--app", application};
        String[] args = new String[1 + common.length + more.length];
        args[0] = command;
        System.arraycopy(common, 0, args, 1, common.length);
        System.arraycopy(more, 0, args, 1 + common.length, more.length);
        return CliRun.in(environment, args);
    }

    /** Replaces text in one of the manifests. */
    void replace(String file, String from, String to) throws IOException {
        Path path = manifests.resolve(file);
        Files.writeString(path, Files.readString(path).replace(from, to));
    }
}
