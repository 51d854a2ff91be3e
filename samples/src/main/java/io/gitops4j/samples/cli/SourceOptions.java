package io.gitops4j.samples.cli;

import io.gitops4j.git.GitSource;
import io.gitops4j.source.DesiredStateSource;
import io.gitops4j.source.DirectorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the desired state comes from: {@code --repo} (+ {@code --ref}, {@code --path}) or {@code --dir}. */
public final class SourceOptions {
    @Option(names = "--repo", paramLabel = "URL|PATH",
            description = "Git repository to read: https://, ssh://, git://, file:// or a local path.")
    String repo;

    @Option(names = "--ref", paramLabel = "REF", defaultValue = "main",
            description = "What to track in --repo: a branch, tag:NAME, semver:RANGE or a full commit SHA "
                    + "(default: ${DEFAULT-VALUE}).")
    String ref;

    @Option(names = "--path", paramLabel = "FOLDER", defaultValue = "",
            description = "Folder inside --repo that holds the manifests (default: the root).")
    String path;

    @Option(names = "--git-cache", paramLabel = "DIR",
            description = "Folder to keep the clone in between runs (default: a temporary folder).")
    Path gitCache;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "A local folder of YAML/JSON manifests, instead of --repo.")
    Path dir;

    @Mixin
    RenderOptions render = new RenderOptions();

    /** Creates the options with their defaults (picocli fills them in). */
    public SourceOptions() {
    }

    /**
     * Opens the chosen source.
     *
     * @return the source; close it when it is {@link AutoCloseable}
     * @throws CommandException when neither or both of {@code --repo} and {@code --dir} are given, or the folder
     *     does not exist
     */
    boolean given() {
        return repo != null || dir != null;
    }

    DesiredStateSource open() {
        if ((repo == null) == (dir == null)) {
            throw new CommandException("choose one source: --repo URL [--ref REF] [--path FOLDER], or --dir DIR");
        }
        if (dir != null) {
            if (!Files.isDirectory(dir)) {
                throw new CommandException("--dir " + dir + " is not a folder; give a folder of manifests");
            }
            return DirectorySource.builder(dir).render(render.settings()).substitution(render.substitution()).build();
        }
        GitSource.Builder git = GitSource.builder().uri(repo).ref(GitRefs.parse(ref)).path(path)
                .render(render.settings()).substitution(render.substitution());
        if (gitCache != null) {
            git.cacheDirectory(gitCache);
        }
        return git.build();
    }
}
