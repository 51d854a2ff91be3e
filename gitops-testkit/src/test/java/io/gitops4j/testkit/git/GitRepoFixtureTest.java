package io.gitops4j.testkit.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoFixtureTest {

    @TempDir
    Path temp;

    @Test
    void commitsOverlayTheBranchTipAndReplaceTreeStartsFresh() throws Exception {
        try (GitRepoFixture repo = GitRepoFixture.create()) {
            repo.commit(Map.of("a.yaml", "a: 1\n", "dir/b.yaml", "b: 1\n"));
            String second = repo.commit(Map.of("dir/b.yaml", "b: 2\n"));
            String replaced = repo.replaceTree("other", "fresh", Map.of("c.yaml", "c: 1\n"));

            GitCli git = GitCli.in(temp);
            git.run("clone", "-q", repo.fileUri(), "clone");
            Path clone = temp.resolve("clone");

            assertThat(Files.readString(clone.resolve("a.yaml"))).isEqualTo("a: 1\n");
            assertThat(Files.readString(clone.resolve("dir/b.yaml"))).isEqualTo("b: 2\n");
            assertThat(GitCli.in(clone).run("rev-parse", "HEAD")).isEqualTo(second);
            assertThat(GitCli.in(clone).run("ls-tree", "-r", "--name-only", replaced)).isEqualTo("c.yaml");
        }
    }

    @Test
    void servesOverHttpWithBasicAuthAndRejectsWrongCredentials() throws Exception {
        try (GitRepoFixture repo = GitRepoFixture.create()) {
            String sha = repo.commit(Map.of("a.yaml", "a: 1\n"));
            repo.tag("v1.0.0", sha);
            GitServer server = repo.serveOverHttp("alice", "s3cret");

            try (Git clone = Git.cloneRepository().setURI(server.uri()).setDirectory(temp.resolve("ok").toFile())
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("alice", "s3cret")).call()) {
                assertThat(clone.getRepository().resolve("refs/tags/v1.0.0").name()).isEqualTo(sha);
            }
            assertThat(server.fetchCount()).isEqualTo(1);
            assertThatThrownBy(() -> Git.cloneRepository().setURI(server.uri())
                    .setDirectory(temp.resolve("bad").toFile())
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("alice", "wrong")).call())
                    .isInstanceOf(TransportException.class);
        }
    }

    @Test
    void servesOverGitDaemonUntilClosed() throws Exception {
        try (GitRepoFixture repo = GitRepoFixture.create()) {
            String sha = repo.commit(Map.of("a.yaml", "a: 1\n"));
            GitServer server = repo.serveOverGitDaemon();

            GitCli.in(temp).run("clone", "-q", server.uri(), "clone");
            assertThat(GitCli.in(temp.resolve("clone")).run("rev-parse", "HEAD")).isEqualTo(sha);

            server.close();
            assertThatThrownBy(() -> GitCli.in(temp).run("ls-remote", server.uri()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void writesSymlinksSubmodulesAndAnnotatedTags() throws Exception {
        try (GitRepoFixture repo = GitRepoFixture.create()) {
            String base = repo.commit(Map.of("a.yaml", "a: 1\n"));
            repo.commitSymlink(GitRepoFixture.DEFAULT_BRANCH, "link.yaml", "../../etc/passwd");
            String tip = repo.commitSubmodule(GitRepoFixture.DEFAULT_BRANCH, "sub", base);
            repo.annotatedTag("v2", tip, "release");

            String listing = GitCli.in(repo.directory()).run("ls-tree", "-r", "v2");
            assertThat(listing).contains("120000 blob").contains("link.yaml").contains("160000 commit " + base);
            assertThat(GitCli.in(repo.directory()).run("cat-file", "-t", "v2")).isEqualTo("tag");
            assertThat(new String(GitCli.in(repo.directory()).runForBytes("cat-file", "-p", tip + ":link.yaml"),
                    StandardCharsets.UTF_8)).isEqualTo("../../etc/passwd");
        }
    }
}
