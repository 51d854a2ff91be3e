package io.gitops4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gitops4j.SourceException;
import io.gitops4j.git.GitSource;
import io.gitops4j.inventory.Inventory;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.ResourceKey;
import io.gitops4j.model.Revision;
import io.gitops4j.reconcile.GitOpsEngine;
import io.gitops4j.reconcile.ReconcileResult;
import io.gitops4j.reconcile.StepResult;
import io.gitops4j.testkit.FaultInjectingProxy;
import io.gitops4j.testkit.InMemoryTarget;
import io.gitops4j.testkit.git.GitRepoFixture;
import io.gitops4j.testkit.git.GitServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Git server that goes away mid-fetch or for good, a branch rewritten by a force-push, 10,000 commits, a tree of
 * 20,000 files (100,000 in the long run), symbolic links and submodules: a failed fetch keeps the last applied revision
 * and prunes nothing, with an error naming the source; a rewritten branch is followed exactly; large histories and
 * trees load within a bounded heap.
 */
class GitFaultsTest {
    private final GitRepoFixture repo = GitRepoFixture.create();
    private final InMemoryTarget target = InMemoryTarget.create();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private int cases;

    @TempDir
    Path cache;

    @BeforeEach
    void firstRevision() {
        repo.commit(GitTrees.configMaps("apps", 0, 8));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void aServerGoneMidFetchOrForGoodKeepsTheLastRevisionAndPrunesNothing() throws IOException {
        // given a source behind a proxy that, when on, cuts every response after 600 bytes
        GitServer server = repo.serveOverHttp();
        URI upstream = URI.create(server.uri());
        try (FaultInjectingProxy proxy = FaultInjectingProxy.builder(URI.create("http://127.0.0.1:"
                + upstream.getPort())).cutResponsesAfter(600).build().start();
                GitSource source = GitSource.builder().uri(proxy.url() + upstream.getPath())
                        .timeout(Duration.ofSeconds(5)).cacheDirectory(cache).build()) {
            proxy.faultsOff();
            GitOpsEngine engine = engine(source);
            assertThat(engine.reconcile().succeeded()).isTrue();
            Inventory applied = target.inventoryStore().load("shop").orElseThrow();
            repo.replaceTree(GitRepoFixture.DEFAULT_BRANCH, "next", GitTrees.withBulk(GitTrees.configMaps("apps", 1, 8),
                    64 * 1024));

            // when the server goes away in the middle of the next fetch
            proxy.faultsOn();
            ReconcileResult cut = engine.reconcile();

            // then the run fails naming the source, and nothing changed or was pruned
            assertFailedAndUntouched(cut, applied, "cut mid-fetch");
            assertThat(proxy.cutResponses()).isPositive();

            // when the server answers again, then the new revision converges
            proxy.faultsOff();
            ReconcileResult recovered = engine.reconcile();
            assertThat(recovered.succeeded()).as(recovered.toString()).isTrue();
            Inventory second = target.inventoryStore().load("shop").orElseThrow();
            assertThat(second.keys()).containsExactlyInAnyOrderElementsOf(keys(GitTrees.configMaps("apps", 1, 8)));

            // when the server is gone for good
            proxy.close();
            server.close();
            ReconcileResult gone = engine.reconcile();

            // then again nothing is pruned and the last revision stays
            assertFailedAndUntouched(gone, second, "server gone");
        }
        report("server gone mid-fetch / for good", 2);
    }

    @Test
    void aForcePushRewritingTheBranchIsFollowedExactlyAndTheRewrittenCommitStaysLoadable() {
        // given an applied second commit
        String base = repo.head(GitRepoFixture.DEFAULT_BRANCH);
        String rewritten = repo.commit(GitTrees.configMaps("apps", 0, 9));
        try (GitSource source = GitSource.builder().uri(repo.fileUri()).cacheDirectory(cache).build()) {
            GitOpsEngine engine = engine(source);
            assertThat(engine.reconcile().succeeded()).isTrue();
            DesiredState before = source.load();

            // when the branch is force-pushed to a new commit on the base that drops object 8 and adds object 20
            repo.branch(GitRepoFixture.DEFAULT_BRANCH, base);
            Map<String, String> files = new LinkedHashMap<>(GitTrees.configMaps("apps", 0, 8));
            files.putAll(GitTrees.configMaps("apps", 20, 1));
            repo.replaceTree(GitRepoFixture.DEFAULT_BRANCH, "rewrite", files);
            ReconcileResult result = engine.reconcile();

            // then the new head is applied exactly: the dropped object pruned, the kept ones untouched
            assertThat(result.succeeded()).as(result.toString()).isTrue();
            Set<ResourceKey> deleted = result.steps().stream().filter(s -> s.status() == StepResult.Status.DELETED)
                    .map(StepResult::key).collect(Collectors.toSet());
            assertThat(deleted).containsExactly(ResourceKey.of("", "ConfigMap", "apps", "cm-8"));
            assertThat(target.inventoryStore().load("shop").orElseThrow().keys())
                    .containsExactlyInAnyOrderElementsOf(keys(files));

            // and the commit the push rewrote away still loads by id from the cache, or fails clearly
            Revision old = before.revision();
            Throwable rollback = catchThrowable(() -> source.load(old));
            assertThat(rollback == null || rollback instanceof SourceException).as(String.valueOf(rollback)).isTrue();
            figures.put("rewritten commit " + rewritten.substring(0, 7) + " loadable", rollback == null);
        }
        report("force-push rewrite", 1);
    }

    @Test
    void tenThousandCommitsLoadWithinABoundedHeap() throws IOException {
        // given 10,000 commits, each changing one ConfigMap
        int count = Integer.getInteger("gitops4j.git.commits", 10_000);
        GitTrees.commits(repo.directory(), count);
        long heapBefore = Footprint.usedHeap();

        // when the branch is loaded and applied
        try (GitSource source = GitSource.builder().uri(repo.fileUri()).cacheDirectory(cache).build()) {
            long started = System.nanoTime();
            ReconcileResult result = engine(source).reconcile();
            figures.put("clone, load and apply ms", (System.nanoTime() - started) / 1_000_000);

            // then
            assertThat(result.succeeded()).as(result.toString()).isTrue();
            assertThat(result.revision().orElseThrow().id()).isEqualTo(repo.head(GitRepoFixture.DEFAULT_BRANCH));
        }
        long growth = Footprint.usedHeap() - heapBefore;
        figures.put("commits", count);
        figures.put("heap growth MB", growth / (1024 * 1024));
        assertThat(growth).isLessThan(128L * 1024 * 1024);
        report("10,000 commits", 1);
    }

    @Test
    void aHugeTreeIsRefusedOverTheFileLimitWithoutPruningAndLoadsWhenTheLimitAllowsIt() throws IOException {
        // given an applied small tree, then a commit of a tree with many files (a tenth of them manifests)
        int files = Integer.getInteger("gitops4j.git.files", ProbeSettings.longRun() ? 100_000 : 20_000);
        try (GitSource limited = GitSource.builder().uri(repo.fileUri()).cacheDirectory(cache)
                .maxFiles(files / 2).build()) {
            GitOpsEngine engine = engine(limited);
            assertThat(engine.reconcile().succeeded()).isTrue();
            Inventory applied = target.inventoryStore().load("shop").orElseThrow();
            GitTrees.hugeTree(repo.directory(), files);

            // when a source whose limit is half the tree reconciles
            ReconcileResult refused = engine.reconcile();

            // then the run fails naming the limit, and nothing is pruned
            assertFailedAndUntouched(refused, applied, "over maxFiles");
            assertThat(refused.error().orElseThrow()).contains("maxFiles");
        }
        long heapBefore = Footprint.usedHeap();
        try (GitSource source = GitSource.builder().uri(repo.fileUri()).cacheDirectory(cache).maxFiles(files + 10)
                .build()) {
            // when a source whose limit allows the tree loads it
            DesiredState state = source.load();

            // then every manifest is there
            assertThat(state.resources()).hasSize(files / 10);
            figures.put("heap held by the loaded state MB", (Footprint.usedHeap() - heapBefore) / (1024 * 1024));
        }
        figures.put("files", files);
        report("huge tree", 2);
    }

    @Test
    void symbolicLinksOutOfTheRepositoryAndSubmodulesNeverLoadAndNeverPrune() {
        // given an applied tree, then commits adding a submodule and a link out of the repository
        try (GitSource source = GitSource.builder().uri(repo.fileUri()).cacheDirectory(cache).build()) {
            GitOpsEngine engine = engine(source);
            assertThat(engine.reconcile().succeeded()).isTrue();
            Inventory applied = target.inventoryStore().load("shop").orElseThrow();
            repo.commitSubmodule(GitRepoFixture.DEFAULT_BRANCH, "apps/vendor", repo.head(GitRepoFixture.DEFAULT_BRANCH));

            // when the submodule is committed, then it is skipped and nothing changes
            ReconcileResult withSubmodule = engine.reconcile();
            assertThat(withSubmodule.succeeded()).as(withSubmodule.toString()).isTrue();
            assertThat(target.inventoryStore().load("shop").orElseThrow().keys()).isEqualTo(applied.keys());

            // when a manifest link out of the repository is committed
            repo.commitSymlink(GitRepoFixture.DEFAULT_BRANCH, "apps/passwd.yaml", "../../../../etc/passwd");
            ReconcileResult withLink = engine.reconcile();

            // then the run fails naming the link, and nothing is pruned
            assertFailedAndUntouched(withLink, target.inventoryStore().load("shop").orElseThrow(), "symlink");
            assertThat(withLink.error().orElseThrow()).contains("apps/passwd.yaml");
        }
        report("symlinks and submodules", 2);
    }

    private GitOpsEngine engine(GitSource source) {
        return GitOpsEngine.builder().application("shop").source(source).target(target).build();
    }

    private void assertFailedAndUntouched(ReconcileResult result, Inventory before, String what) {
        cases++;
        assertThat(result.succeeded()).as(what + ": " + result).isFalse();
        assertThat(result.error()).as(what).hasValueSatisfying(error -> assertThat(error).isNotBlank());
        assertThat(result.steps()).as(what + ": no step ran").isEmpty();
        Inventory after = target.inventoryStore().load("shop").orElseThrow();
        assertThat(after.keys()).as(what + ": nothing pruned").isEqualTo(before.keys());
        assertThat(after.revision()).as(what + ": the last revision stays").isEqualTo(before.revision());
        for (ResourceKey key : before.keys()) {
            assertThat(target.contents()).as(what + ": " + key + " is still live").containsKey(key);
        }
        figures.merge("failed runs with an error and nothing pruned", 1, (a, b) -> (Integer) a + (Integer) b);
    }

    private void report(String probe, int probeCases) {
        figures.put("wrong deletes", 0);
        ProbeReport.print("git: " + probe, Math.max(probeCases, cases), 0, figures);
    }

    private static Set<ResourceKey> keys(Map<String, String> files) {
        return files.keySet().stream().map(path -> ResourceKey.of("", "ConfigMap", "apps",
                path.substring(path.lastIndexOf('/') + 1).replace(".yaml", ""))).collect(Collectors.toSet());
    }
}
