package io.gitops4j.git;

import static io.gitops4j.git.Manifests.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.SourceException;
import io.gitops4j.testkit.git.GitRepoFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH with a private key against an in-process SSH server on 127.0.0.1, host keys checked strictly. */
class GitSourceSshTest {
    @TempDir
    Path temp;

    private static final KeyPair HOST_KEY = SshGitServer.newKeyPair();
    private static final KeyPair CLIENT_KEY = SshGitServer.newKeyPair();
    private static final KeyPair OTHER_KEY = SshGitServer.newKeyPair();

    private GitRepoFixture repo;
    private SshGitServer server;
    private Path clientKey;
    private String sha;

    @BeforeEach
    void startServer() throws IOException {
        repo = GitRepoFixture.create();
        sha = repo.commit(Map.of("a.yaml", configMap("a")));
        clientKey = SshGitServer.writePrivateKey(CLIENT_KEY, temp.resolve("id_rsa"));
        server = new SshGitServer(repo.directory(), HOST_KEY, CLIENT_KEY.getPublic());
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
        repo.close();
    }

    private GitSource.Builder source(Path knownHosts, Path key) {
        return GitSource.builder().uri(server.uri()).credentials(GitCredentials.sshKey(key))
                .knownHosts(knownHosts).timeout(Duration.ofSeconds(10)).cacheDirectory(temp.resolve("cache"));
    }

    @Test
    void loadsOverSshWithAPrivateKeyAndAKnownHostKey() throws IOException {
        Path knownHosts = Files.writeString(temp.resolve("known_hosts"), server.knownHostsLine());

        try (GitSource source = source(knownHosts, clientKey).build()) {
            assertThat(source.load().revision().id()).isEqualTo(sha);
        }
    }

    @Test
    void refusesAnUnknownHostKeyByDefault() throws IOException {
        Path knownHosts = Files.writeString(temp.resolve("known_hosts"), "");

        try (GitSource source = source(knownHosts, clientKey).build()) {
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("fetch of " + server.uri() + " failed");
        }
        assertThat(Files.readString(knownHosts)).isEmpty();
    }

    @Test
    void acceptsAnUnknownHostKeyOnlyWhenCheckingIsSwitchedOff() throws IOException {
        Path knownHosts = Files.writeString(temp.resolve("known_hosts"), "");

        try (GitSource source = source(knownHosts, clientKey).strictHostKeyChecking(false).build()) {
            assertThat(source.load().revision().id()).isEqualTo(sha);
        }
    }

    @Test
    void rejectsAKeyTheServerDoesNotAuthorize() throws IOException {
        Path knownHosts = Files.writeString(temp.resolve("known_hosts"), server.knownHostsLine());
        Path otherKey = SshGitServer.writePrivateKey(OTHER_KEY, temp.resolve("other"));

        try (GitSource source = source(knownHosts, otherKey).timeout(Duration.ofSeconds(3)).build()) {
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("fetch of " + server.uri() + " failed");
        }
    }
}
