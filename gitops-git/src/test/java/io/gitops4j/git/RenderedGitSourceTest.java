package io.gitops4j.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.SourceException;
import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import io.gitops4j.render.FolderKind;
import io.gitops4j.render.RenderMode;
import io.gitops4j.render.RenderRequest;
import io.gitops4j.render.RenderSettings;
import io.gitops4j.render.Rendered;
import io.gitops4j.render.Renderer;
import io.gitops4j.render.Renderers;
import io.gitops4j.render.Substitution;
import io.gitops4j.render.TreeEntry;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Git source whose folder is rendered: detection, the commit tree renderers read, the render cache, substitution. */
class RenderedGitSourceTest {
    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\ndata:\n  k: v\n";

    private final GitRepoFixture repo = GitRepoFixture.create();

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void aKustomizeFolderWithATabbedFileSaysItIsKustomizeWhenNoRendererIsThere() {
        repo.commit(Map.of("app/kustomization.yaml", "resources: [a.yaml]\n",
                "app/a.yaml", "apiVersion: v1\n\tkind: ConfigMap\n"));

        try (GitSource source = GitSource.builder().uri(repo.fileUri()).path("app").renderers(Renderers.of())
                .build()) {
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("folder 'app'")
                    .hasMessageContaining("is a Kustomize folder (app/kustomization.yaml)")
                    .hasMessageContaining("add io.gitops4j:gitops-kustomize");
        }
    }

    @Test
    void theRendererReadsTheWholeCommitAndACommitElsewhereCostsNoRender() {
        repo.commit(Map.of("app/kustomization.yaml", "resources: [../shared]\n",
                "shared/a.yaml", CONFIG_MAP.formatted("a"), "other/b.yaml", CONFIG_MAP.formatted("b")));
        SiblingRenderer renderer = new SiblingRenderer();
        try (GitSource source = GitSource.builder().uri(repo.fileUri()).path("app").renderer(renderer).build()) {
            DesiredState first = source.load();
            repo.commit(Map.of("other/b.yaml", CONFIG_MAP.formatted("b2")));
            DesiredState second = source.load();
            repo.commit(Map.of("shared/a.yaml", CONFIG_MAP.formatted("a2")));
            DesiredState third = source.load();

            assertThat(first.renderedBy()).isEqualTo("sibling");
            assertThat(first.keys()).extracting(key -> key.name()).containsExactly("a");
            assertThat(second.revision().id()).isNotEqualTo(first.revision().id());
            assertThat(second.revision().digest()).isEqualTo(first.revision().digest());
            assertThat(third.keys()).extracting(key -> key.name()).containsExactly("a2");
            assertThat(renderer.renders).hasValue(2);
            assertThat(source.load(first.revision()).keys()).extracting(key -> key.name()).containsExactly("a");
        }
    }

    @Test
    void plainFoldersKeepTheIncrementalPathAndGetSubstituted() {
        repo.commit(Map.of("app/a.yaml", CONFIG_MAP.formatted("a-${ENV}")));
        try (GitSource source = GitSource.builder().uri(repo.fileUri()).path("app")
                .substitution(Substitution.builder().variable("ENV", "prod").build()).build()) {
            DesiredState state = source.load();

            assertThat(state.renderedBy()).isEmpty();
            assertThat(state.keys()).extracting(key -> key.name()).containsExactly("a-prod");
        }
    }

    @Test
    void forcedPlainModeOnAKustomizeFolderIsRefusedByTheLoaderWithWhatToDo() {
        repo.commit(Map.of("kustomization.yaml", "resources: []\n"));
        try (GitSource source = GitSource.builder().uri(repo.fileUri())
                .render(RenderSettings.builder().mode(RenderMode.PLAIN).build()).build()) {
            assertThatThrownBy(source::load).hasMessageContaining("Kustomize input");
        }
    }

    @Test
    void theCommitTreeTypesEntriesAndUsesGitObjectIds() throws Exception {
        String base = repo.commit(Map.of("x/a.yaml", "a"));
        repo.commitSymlink("main", "x/link.yaml", "a.yaml");
        String head = repo.commitSubmodule("main", "x/sub", base);
        try (Repository git = new FileRepositoryBuilder().setGitDir(repo.directory().toFile())
                .build(); RevWalk walk = new RevWalk(git)) {
            RevCommit commit = walk.parseCommit(git.resolve(head));
            CommitTree tree = new CommitTree(git, commit, 1024, "repo");

            assertThat(tree.list("x")).extracting(TreeEntry::name, TreeEntry::type).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a.yaml", TreeEntry.Type.FILE),
                    org.assertj.core.groups.Tuple.tuple("link.yaml", TreeEntry.Type.SYMLINK),
                    org.assertj.core.groups.Tuple.tuple("sub", TreeEntry.Type.SUBMODULE));
            assertThat(tree.id("x/a.yaml")).isEqualTo(git.resolve(head + ":x/a.yaml").name());
            assertThat(tree.id("")).isEqualTo(commit.getTree().name());
            assertThat(tree.read("x/a.yaml")).isEqualTo("a".getBytes());
            assertThatThrownBy(() -> tree.read("x/link.yaml")).hasMessageContaining("never followed");
            assertThatThrownBy(() -> tree.read("../etc/passwd")).hasMessageContaining("not a normal path");
            assertThat(tree.entry("x/missing")).isEmpty();
        }
    }

    /** Renders the plain manifests of each folder its kustomization's {@code resources: [..]} names. */
    private static final class SiblingRenderer implements Renderer {
        final AtomicInteger renders = new AtomicInteger();

        @Override
        public RenderMode mode() {
            return RenderMode.KUSTOMIZE;
        }

        @Override
        public String name() {
            return "sibling";
        }

        @Override
        public Rendered render(RenderRequest request) {
            renders.incrementAndGet();
            String file = FolderKind.kustomizationFile(request.tree(), request.folder()).orElseThrow();
            String text = new String(request.tree().read(file));
            String folder = text.substring(text.indexOf("../") + 3, text.indexOf(']'));
            List<Resource> out = new ArrayList<>();
            for (TreeEntry entry : request.tree().list(folder)) {
                out.addAll(request.loader().parse(entry.path(), request.tree().read(entry.path())));
            }
            return new Rendered(out, name());
        }
    }
}
