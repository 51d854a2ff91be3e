package io.gitops4j.git;

import static io.gitops4j.git.Manifests.configMap;
import static io.gitops4j.git.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops4j.model.Revision;
import io.gitops4j.SourceException;
import io.gitops4j.testkit.git.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits signed by the git CLI with keys gpg generates for the test; skipped when gpg or git is missing. */
class CommitSignatureTest {
    @TempDir
    Path temp;

    private GitCli gpgHome;
    private GitCli git;
    private String trustedKey;
    private String untrustedKey;

    @BeforeEach
    void generateKeysAndRepository() throws IOException {
        Assumptions.assumeTrue(GitCli.commandWorks("gpg", "--version"), "gpg is not installed; skipping");
        Path home = Files.createDirectory(temp.resolve("gnupg"));
        home.toFile().setReadable(true, true);
        home.toFile().setWritable(true, true);
        home.toFile().setExecutable(true, true);
        Path work = Files.createDirectory(temp.resolve("work"));
        gpgHome = GitCli.in(home).withEnvironment("GNUPGHOME", home.toString());
        trustedKey = generateKey("Trusted Signer <trusted@gitops4j.io>");
        untrustedKey = generateKey("Someone Else <else@gitops4j.io>");
        git = GitCli.in(work).withEnvironment("GNUPGHOME", home.toString());
        git.run("init", "-q", "-b", "main");
    }

    @AfterEach
    void stopAgent() {
        if (gpgHome != null) {
            GitCli.commandWorks("gpgconf", "--homedir", gpgHome.directory().toString(), "--kill", "gpg-agent");
        }
    }

    @Test
    void loadsACommitSignedByATrustedKey() throws IOException {
        String signed = commit("a.yaml", "-S" + trustedKey);

        try (GitSource source = source(signed)) {
            assertThat(names(source.load())).containsExactly("a");
        }
    }

    @Test
    void rejectsUnsignedAndUntrustedCommitsWithoutLoadingAnything() throws IOException {
        String unsigned = commit("a.yaml", "--no-gpg-sign");
        String untrusted = commit("b.yaml", "-S" + untrustedKey);

        try (GitSource source = source(unsigned)) {
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("is not signed").hasMessageContaining(unsigned);
            assertThatThrownBy(() -> source.load(Revision.of(untrusted))).isInstanceOf(SourceException.class)
                    .hasMessageContaining("not trusted");
        }
    }

    @Test
    void anUnsignedCommitAfterASignedOneIsRejectedThoughMostOfItsFilesAreUnchanged() throws IOException {
        commit("a.yaml", "-S" + trustedKey);
        commit("b.yaml", "-S" + trustedKey);
        String armored = gpgHome.runProgram("gpg", "--armor", "--export", trustedKey);

        try (GitSource source = GitSource.builder().uri(git.directory().toString())
                .cacheDirectory(temp.resolve("cache"))
                .signaturePolicy(SignaturePolicy.requireSignedBy(List.of(armored))).build()) {
            assertThat(names(source.load())).containsExactly("a", "b");
            String unsigned = commit("c.yaml", "--no-gpg-sign");

            assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("is not signed").hasMessageContaining(unsigned);
            commit("d.yaml", "-S" + trustedKey);
            assertThat(names(source.load())).containsExactly("a", "b", "c", "d");
        }
    }

    @Test
    void trustsOnlyTheNamedFingerprintsOfAKeyring() throws IOException {
        String signed = commit("a.yaml", "-S" + trustedKey);
        String untrusted = commit("b.yaml", "-S" + untrustedKey);
        Path keyring = temp.resolve("keyring.gpg");
        Files.write(keyring, gpgHome.runProgram("gpg", "--armor", "--export").getBytes(StandardCharsets.UTF_8));
        SignaturePolicy policy = SignaturePolicy.requireSignedBy(List.of(trustedKey.toLowerCase()), keyring);

        try (GitSource source = GitSource.builder().uri(git.directory().toString()).ref(GitRef.commit(signed))
                .cacheDirectory(temp.resolve("cache")).signaturePolicy(policy).build()) {
            assertThat(names(source.load())).containsExactly("a");
            assertThatThrownBy(() -> source.load(Revision.of(untrusted))).isInstanceOf(SourceException.class)
                    .hasMessageContaining("not trusted");
        }
        assertThat(policy.trustedFingerprints()).contains(trustedKey);
        assertThatThrownBy(() -> SignaturePolicy.requireSignedBy(List.of("ABCD"), keyring))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ABCD");
    }

    @Test
    void signatureOverDifferentContentDoesNotVerify() throws IOException {
        String signed = commit("a.yaml", "-S" + trustedKey);
        String raw = git.run("cat-file", "commit", signed);
        String forged = git.run("hash-object", "-t", "commit", "-w",
                writeFile("forged", raw.replace("add a.yaml", "add a.yaml (changed)") + "\n").toString());
        git.run("branch", "forged", forged);

        try (GitSource source = source(forged)) {
            assertThatThrownBy(source::load).isInstanceOf(SourceException.class)
                    .hasMessageContaining("does not verify");
        }
    }

    private GitSource source(String commit) {
        String armored = gpgHome.runProgram("gpg", "--armor", "--export", trustedKey);
        return GitSource.builder().uri(git.directory().toString()).ref(GitRef.commit(commit))
                .cacheDirectory(temp.resolve("cache"))
                .signaturePolicy(SignaturePolicy.requireSignedBy(List.of(armored))).build();
    }

    private String generateKey(String uid) {
        gpgHome.runProgram("gpg", "--batch", "--passphrase", "", "--quick-gen-key", uid, "ed25519", "sign", "never");
        String colons = gpgHome.runProgram("gpg", "--with-colons", "--list-keys", uid);
        return colons.lines().filter(line -> line.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
    }

    private String commit(String file, String signFlag) throws IOException {
        Files.writeString(git.directory().resolve(file), configMap(file.replace(".yaml", "")));
        git.run("add", file);
        git.run("-c", "gpg.program=gpg", "commit", "-q", signFlag, "-m", "add " + file);
        return git.run("rev-parse", "HEAD");
    }

    private Path writeFile(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }
}
