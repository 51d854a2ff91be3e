package io.gitops4j.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A read-only Git server over SSH on 127.0.0.1 for tests: Apache MINA sshd (which JGit's SSH transport already
 * brings) running JGit's {@link UploadPack} for {@code git-upload-pack}, accepting one client public key.
 */
final class SshGitServer implements AutoCloseable {
    private final SshServer server;
    private final Repository repository;
    private final KeyPair hostKey;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ssh-git-fixture");
        thread.setDaemon(true);
        return thread;
    });

    SshGitServer(Path bareRepository, KeyPair hostKey, PublicKey authorizedKey) throws IOException {
        this.repository = new FileRepositoryBuilder().setGitDir(bareRepository.toFile()).setBare().build();
        this.hostKey = hostKey;
        this.server = SshServer.setUpDefaultServer();
        server.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, authorizedKey));
        server.setCommandFactory((channel, command) -> new UploadPackCommand(command));
        server.start();
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code key}'s private half as an unencrypted PKCS#8 PEM file. */
    static Path writePrivateKey(KeyPair key, Path file) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try {
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "ssh://git@127.0.0.1:" + server.getPort() + "/repo.git";
    }

    /** Returns a known_hosts line for this server's host key. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
        executor.shutdownNow();
        repository.close();
    }

    private final class UploadPackCommand implements Command {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        UploadPackCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) {
            List<String> words = List.of(command.split(" ", 2));
            if (!words.get(0).equals("git-upload-pack")) {
                exit.onExit(1, "only git-upload-pack is served");
                return;
            }
            executor.execute(() -> {
                try (UploadPack pack = new UploadPack(repository)) {
                    pack.upload(in, out, err);
                    out.flush();
                    exit.onExit(0);
                } catch (IOException e) {
                    exit.onExit(1, e.getMessage());
                }
            });
        }

        @Override
        public void destroy(ChannelSession channel) {
            // the upload ends with its streams
        }
    }
}
