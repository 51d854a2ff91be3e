import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.git.GitSource;
import io.gitops4j.SourceException;
import io.gitops4j.testkit.git.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's {@code SignedCommitsOnly} with a key gpg makes for the test: verifying a signature runs JGit's
 * BouncyCastle code, so this fails when the consumer's BouncyCastle jars are of mixed versions. Skipped without gpg.
 */
class SignedCommitsOnlyTest {
    @TempDir
    Path temp;

    private GitCli gpg;
    private GitCli git;
    private Path trustedKey;
    private String fingerprint;

    @BeforeEach
    void createKeyAndRepository() throws IOException {
        Assumptions.assumeTrue(GitCli.commandWorks("gpg", "--version"), "gpg is not installed; skipping");
        Path home = Files.createDirectory(temp.resolve("gnupg"));
        home.toFile().setReadable(true, true);
        home.toFile().setWritable(true, true);
        home.toFile().setExecutable(true, true);
        gpg = GitCli.in(home).withEnvironment("GNUPGHOME", home.toString());
        gpg.runProgram("gpg", "--batch", "--passphrase", "", "--quick-gen-key", "Release Signer <release@example.com>",
                "ed25519", "sign", "never");
        fingerprint = gpg.runProgram("gpg", "--with-colons", "--list-keys", "release@example.com").lines()
                .filter(line -> line.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
        trustedKey = Files.writeString(temp.resolve("release.asc"),
                gpg.runProgram("gpg", "--armor", "--export", fingerprint));
        git = GitCli.in(Files.createDirectory(temp.resolve("work"))).withEnvironment("GNUPGHOME", home.toString());
        git.run("init", "-q", "-b", "main");
    }

    @AfterEach
    void stopAgent() {
        if (gpg != null) {
            GitCli.commandWorks("gpgconf", "--homedir", gpg.directory().toString(), "--kill", "gpg-agent");
        }
    }

    @Test
    void loadsACommitSignedByTheTrustedKey() throws IOException {
        commit("-S" + fingerprint);

        try (GitSource source = SignedCommitsOnly.source(git.directory().toString(), trustedKey)) {
            assertThat(source.load().size()).isEqualTo(1);
        }
    }

    @Test
    void refusesAnUnsignedCommit() throws IOException {
        commit("--no-gpg-sign");

        try (GitSource source = SignedCommitsOnly.source(git.directory().toString(), trustedKey)) {
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class).hasMessageContaining("is not signed");
        }
    }

    private void commit(String signFlag) throws IOException {
        Files.writeString(git.directory().resolve("config.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {colour: blue}
                """);
        git.run("add", "config.yaml");
        git.run("-c", "gpg.program=gpg", "-c", "user.name=Release", "-c", "user.email=release@example.com",
                "commit", "-q", signFlag, "-m", "add settings");
    }
}
