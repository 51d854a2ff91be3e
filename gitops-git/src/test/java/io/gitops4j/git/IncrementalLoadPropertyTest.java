package io.gitops4j.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Over random histories (add, modify, delete, rename, ignore), loading each new commit incrementally gives exactly
 * what a fresh source's full load of that commit gives: the same revision and digest, every resource with the same
 * digest and provenance, or the same error; and a resource of a file unchanged since the last good load is the very
 * same object.
 */
class IncrementalLoadPropertyTest {
    private static final List<String> PATHS = List.of("a.yaml", "b.yml", "dir/c.yaml", "dir/sub/d.yaml", "e.json",
            "notes.txt");
    private static final List<String> IGNORES = List.of("", "dir/", "*.json", "b.yml", "dir/sub/");

    @TempDir
    Path temp;

    private SharedCloneRepository shared;

    @BeforeEach
    void createRepository() {
        shared = new SharedCloneRepository(temp.resolve("cache"));
    }

    @AfterEach
    void deleteRepository() {
        shared.close();
    }

    /** One change to the repository's files. */
    private record Step(int kind, String path, String other, int name, int value) {
        void applyTo(SortedMap<String, String> files) {
            if (kind < 5) {
                files.put(path, content(path, name, value));
            } else if (kind < 7) {
                files.remove(path);
            } else if (kind < 9) {
                String moved = files.remove(path);
                if (moved != null) {
                    files.put(other, moved);
                }
            } else if (IGNORES.get(name % IGNORES.size()).isEmpty()) {
                files.remove(".sourceignore");
            } else {
                files.put(".sourceignore", IGNORES.get(name % IGNORES.size()) + "\n");
            }
        }
    }

    private static String content(String path, int name, int value) {
        if (value == 0) {
            return "apiVersion: v1\nkind: [ConfigMap\n";
        }
        if (path.endsWith(".json")) {
            return "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"cm-" + name
                    + "\", \"namespace\": \"default\"}, \"data\": {\"value\": \"" + value + "\"}}";
        }
        String first = Manifests.configMap("cm-" + name, Integer.toString(value));
        return value % 3 == 0 ? first + "---\n" + Manifests.configMap("cm-" + name + "-b", "b") : first;
    }

    @Test
    void incrementalLoadsEqualFullLoadsOverRandomHistories() {
        Gen<Step> steps = integers().between(0, 9).zip(Generate.pick(PATHS), Generate.pick(PATHS),
                integers().between(0, 29), integers().between(0, 9), Step::new);

        qt().withExamples(12).withShrinkCycles(20).forAll(lists().of(steps).ofSizeBetween(1, 6))
                .checkAssert(this::replay);
    }

    private void replay(List<Step> history) {
        SortedMap<String, String> files = new TreeMap<>(Map.of("keep.txt", "keep", "a.yaml", content("a.yaml", 0, 1),
                "dir/c.yaml", content("dir/c.yaml", 1, 2)));
        GitRepoFixture repo = shared.repo();
        try (GitSource source = shared.source().build()) {
            DesiredState lastGood = null;
            SortedMap<String, String> lastGoodFiles = new TreeMap<>();
            String sha = repo.replaceTree(GitRepoFixture.DEFAULT_BRANCH, "start", files);
            for (int i = 0; i <= history.size(); i++) {
                if (i > 0) {
                    history.get(i - 1).applyTo(files);
                    sha = repo.replaceTree(GitRepoFixture.DEFAULT_BRANCH, "step " + i, files);
                }
                Outcome incremental = Outcome.of(source::load);
                String commit = sha;
                Outcome full = Outcome.of(() -> shared.fullLoad(commit));
                assertSameOutcome(incremental, full, "step " + i + " of " + history);
                if (incremental.state() != null) {
                    assertReused(incremental.state(), lastGood, files, lastGoodFiles);
                    lastGood = incremental.state();
                    lastGoodFiles = new TreeMap<>(files);
                }
            }
        }
    }

    private static void assertSameOutcome(Outcome incremental, Outcome full, String where) {
        assertThat(incremental.error()).as("error at %s", where).isEqualTo(full.error());
        if (full.state() != null) {
            SharedCloneRepository.assertSameAsFullLoad(incremental.state(), full.state(), where);
        }
    }

    private static void assertReused(DesiredState state, DesiredState lastGood, Map<String, String> files,
            Map<String, String> lastGoodFiles) {
        if (lastGood == null) {
            return;
        }
        state.resources().forEach((key, resource) -> {
            Resource before = lastGood.resources().get(key);
            String path = resource.provenance().path();
            if (before != null && before.provenance().path().equals(path)
                    && Objects.equals(files.get(path), lastGoodFiles.get(path))) {
                assertThat(resource).as("%s from unchanged %s", key, path).isSameAs(before);
            }
        });
    }

    /** What a load gave: a state, or the class and message of its error. */
    private record Outcome(DesiredState state, String error) {
        static Outcome of(java.util.function.Supplier<DesiredState> load) {
            try {
                return new Outcome(load.get(), null);
            } catch (RuntimeException e) {
                return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }
}
