package io.gitops4j.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GitCredentialsTest {

    @Test
    void toStringNeverShowsSecrets() {
        assertThat(GitCredentials.basic("alice", "pa55word").toString()).contains("alice").doesNotContain("pa55word");
        assertThat(GitCredentials.token("ghp_secretToken").toString()).doesNotContain("ghp_secretToken");
        assertThat(GitCredentials.sshKey(Path.of("/keys/id_ed25519"), "hunter2").toString())
                .contains("id_ed25519").doesNotContain("hunter2");
        assertThat(GitCredentials.none().toString()).isEqualTo("GitCredentials.none()");
    }

    @Test
    void credentialsInAnHttpUrlAreMovedOutOfTheShownUrl() {
        RemoteUrl withPassword = RemoteUrl.parse("https://alice:pa55word@git.example.org/team/shop.git");
        RemoteUrl withToken = RemoteUrl.parse("https://ghp_token@git.example.org/shop.git");
        RemoteUrl ssh = RemoteUrl.parse("ssh://git@git.example.org:2222/shop.git");
        RemoteUrl scp = RemoteUrl.parse("git@git.example.org:team/shop.git");

        assertThat(withPassword.url()).isEqualTo("https://git.example.org/team/shop.git");
        assertThat(withPassword.embeddedCredentials()).isEqualTo(GitCredentials.basic("alice", "pa55word"));
        assertThat(withToken.url()).doesNotContain("ghp_token");
        assertThat(withToken.embeddedCredentials()).isEqualTo(GitCredentials.token("ghp_token"));
        assertThat(ssh.url()).isEqualTo("ssh://git@git.example.org:2222/shop.git");
        assertThat(scp.url()).isEqualTo("git@git.example.org:team/shop.git");
        assertThat(scp.embeddedCredentials()).isEqualTo(GitCredentials.none());
    }

    @Test
    void localPathsBecomeFileUris() {
        assertThat(RemoteUrl.parse("/srv/git/shop.git").url()).isEqualTo("file:///srv/git/shop.git");
        assertThat(RemoteUrl.parse("relative/repo").url()).startsWith("file:///").endsWith("relative/repo");
    }
}
