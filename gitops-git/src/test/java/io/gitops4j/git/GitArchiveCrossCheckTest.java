package io.gitops4j.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.model.Revision;
import io.gitops4j.testkit.git.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every commit of a multi-commit repository built by the git CLI, what the source reads equals, file for file
 * and byte for byte, what {@code git archive <sha> <path>} produces.
 */
class GitArchiveCrossCheckTest {
    private static final String FOLDER = "deploy";

    @TempDir
    Path temp;

    @Test
    void readsExactlyTheFilesAndBytesGitArchiveProducesAtEveryCommit() throws IOException {
        GitCli git = GitCli.in(Files.createDirectory(temp.resolve("work")));
        git.run("init", "-q", "-b", "main");
        List<String> commits = buildHistory(git, new Random(42), 6);

        ReadSettings everything = new ReadSettings(FOLDER, PathRules.ALL, null, 1 << 20, 10_000);
        try (Repository repository = new FileRepositoryBuilder().setGitDir(git.directory().resolve(".git").toFile())
                .build(); RevWalk walk = new RevWalk(repository)) {
            for (String sha : commits) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
                SortedMap<String, byte[]> read = readAll(new TreeReader(everything, path -> true), repository, commit);
                SortedMap<String, byte[]> archived = TarEntries.regularFiles(
                        git.runForBytes("archive", "--format=tar", sha, FOLDER));

                assertThat(archived).as("archive at %s", sha).isNotEmpty();
                assertThat(read.keySet()).as("files at %s", sha).isEqualTo(archived.keySet());
                read.forEach((path, bytes) -> assertThat(bytes).as("%s at %s", path, sha)
                        .isEqualTo(archived.get(path)));
            }
        }
    }

    @Test
    void loadedResourcesComeFromExactlyTheArchivedManifestFiles() throws IOException {
        GitCli git = GitCli.in(Files.createDirectory(temp.resolve("work")));
        git.run("init", "-q", "-b", "main");
        List<String> commits = buildHistory(git, new Random(7), 4);

        try (GitSource source = GitSource.builder().uri(git.directory().toString()).path(FOLDER)
                .cacheDirectory(temp.resolve("cache")).build()) {
            for (String sha : commits) {
                DesiredState state = source.load(Revision.of(sha));
                Set<String> manifests = TarEntries.regularFiles(git.runForBytes("archive", "--format=tar", sha,
                        FOLDER)).keySet().stream().filter(p -> p.endsWith(".yaml")).collect(Collectors.toSet());

                Set<String> loadedFrom = new TreeSet<>();
                for (Resource resource : state.resources().values()) {
                    loadedFrom.add(resource.provenance().path());
                }
                assertThat(loadedFrom).as("manifests at %s", sha).isEqualTo(manifests);
            }
        }
    }

    /** Commits random adds, edits, deletes and renames of manifests and other files, inside and outside the folder. */
    private List<String> buildHistory(GitCli git, Random random, int commitCount) throws IOException {
        List<String> commits = new ArrayList<>();
        List<String> live = new ArrayList<>();
        int counter = 0;
        write(git, FOLDER + "/base.yaml", content(FOLDER + "/base.yaml", random));
        for (int c = 0; c < commitCount; c++) {
            int changes = 3 + random.nextInt(6);
            for (int i = 0; i < changes; i++) {
                int action = live.isEmpty() ? 0 : random.nextInt(4);
                if (action == 0 || action == 1 && live.size() < 3) {
                    String folder = random.nextBoolean() ? FOLDER + "/app" + random.nextInt(3) : "src";
                    String name = folder + "/f" + counter++ + (random.nextInt(3) == 0 ? ".txt" : ".yaml");
                    write(git, name, content(name, random));
                    live.add(name);
                } else if (action == 1) {
                    String name = live.get(random.nextInt(live.size()));
                    write(git, name, content(name, random));
                } else if (action == 2) {
                    git.run("rm", "-q", "-f", live.remove(random.nextInt(live.size())));
                } else {
                    String from = live.remove(random.nextInt(live.size()));
                    String to = FOLDER + "/moved/f" + counter++ + from.substring(from.lastIndexOf('.'));
                    Files.createDirectories(git.directory().resolve(to).getParent());
                    git.run("mv", from, to);
                    live.add(to);
                }
            }
            git.run("add", "-A");
            git.run("commit", "-q", "--allow-empty", "-m", "change " + c);
            commits.add(git.run("rev-parse", "HEAD"));
        }
        return commits;
    }

    private static void write(GitCli git, String name, byte[] content) throws IOException {
        Path file = git.directory().resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        git.run("add", name);
    }

    private static byte[] content(String name, Random random) {
        if (name.endsWith(".yaml")) {
            String id = name.replaceAll("[^a-z0-9]", "-");
            return ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + id + "\n  namespace: default\ndata:\n"
                    + "  value: \"" + random.nextLong() + " é ✓\"\n").getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static SortedMap<String, byte[]> readAll(TreeReader reader, Repository repository, RevCommit commit)
            throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (ObjectReader objects = repository.newObjectReader()) {
            for (Map.Entry<String, ObjectId> blob : reader.list(objects, commit, "work").entrySet()) {
                files.put(blob.getKey(), reader.readBlob(objects, blob.getValue(), blob.getKey(), "work"));
            }
        }
        return files;
    }
}
