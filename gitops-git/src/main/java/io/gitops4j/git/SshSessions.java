package io.gitops4j.git;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshConfigStore;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * SSH sessions on JGit's Apache MINA transport, configured in code rather than from {@code ~/.ssh/config}:
 * the given private key only ({@code IdentitiesOnly}), host keys checked against the given known_hosts file (or
 * {@code ~/.ssh/known_hosts}) with {@code StrictHostKeyChecking yes} unless checking was switched off, and no
 * interactive prompts. The factory is created on first use and closed with the source.
 */
final class SshSessions implements AutoCloseable {
    private final GitCredentials.SshKey key;
    private final Path knownHosts;
    private final boolean strictHostKeys;
    private SshdSessionFactory factory;

    SshSessions(GitCredentials.SshKey key, Path knownHosts, boolean strictHostKeys) {
        this.key = key;
        this.knownHosts = knownHosts;
        this.strictHostKeys = strictHostKeys;
    }

    synchronized SshdSessionFactory factory() {
        if (factory == null) {
            File home = FS.DETECTED.userHome();
            File sshDirectory = new File(home, ".ssh");
            SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                    .setHomeDirectory(home)
                    .setSshDirectory(sshDirectory)
                    .setConfigStoreFactory((h, config, user) -> new FixedConfig(options(sshDirectory)))
                    .setDefaultKnownHostsFiles(dir -> List.of(knownHostsFile(dir)))
                    .setDefaultIdentities(dir -> key == null ? List.of() : List.of(key.privateKey()));
            if (key != null) {
                builder.setKeyPasswordProvider(provider -> new FixedPassphrase(key));
            }
            if (!strictHostKeys) {
                builder.setServerKeyDatabase((h, dir) -> new AcceptAnyHostKey());
            }
            factory = builder.build(null);
        }
        return factory;
    }

    @Override
    public synchronized void close() {
        if (factory != null) {
            factory.close();
            factory = null;
        }
    }

    private Path knownHostsFile(File sshDirectory) {
        return knownHosts != null ? knownHosts.toAbsolutePath() : sshDirectory.toPath().resolve("known_hosts");
    }

    private Map<String, List<String>> options(File sshDirectory) {
        Map<String, List<String>> options = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        options.put("StrictHostKeyChecking", List.of(strictHostKeys ? "yes" : "no"));
        options.put("UserKnownHostsFile", List.of(knownHostsFile(sshDirectory).toString()));
        options.put("BatchMode", List.of("yes"));
        if (key != null) {
            options.put("IdentityFile", List.of(key.privateKey().toString()));
            options.put("IdentitiesOnly", List.of("yes"));
            options.put("PreferredAuthentications", List.of("publickey"));
        }
        return options;
    }

    private record FixedConfig(Map<String, List<String>> options) implements SshConfigStore {
        @Override
        public HostConfig lookup(String hostName, int port, String userName) {
            return new Host(options);
        }

        @Override
        public HostConfig lookupDefault(String hostName, int port, String userName) {
            return new Host(options);
        }
    }

    private record Host(Map<String, List<String>> options) implements SshConfigStore.HostConfig {
        @Override
        public String getValue(String key) {
            List<String> values = options.get(key);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public List<String> getValues(String key) {
            return options.getOrDefault(key, List.of());
        }

        @Override
        public Map<String, String> getOptions() {
            Map<String, String> single = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            options.forEach((k, v) -> single.put(k, v.get(0)));
            return single;
        }

        @Override
        public Map<String, List<String>> getMultiValuedOptions() {
            return options;
        }
    }

    private static final class FixedPassphrase implements KeyPasswordProvider {
        private final GitCredentials.SshKey key;
        private int attempts = 1;

        FixedPassphrase(GitCredentials.SshKey key) {
            this.key = key;
        }

        @Override
        public char[] getPassphrase(URIish uri, int attempt) {
            return key.optionalPassphrase().map(String::toCharArray).orElse(null);
        }

        @Override
        public void setAttempts(int attempts) {
            this.attempts = attempts;
        }

        @Override
        public int getAttempts() {
            return Math.min(attempts, 1);
        }

        @Override
        public boolean keyLoaded(URIish uri, int attempt, Exception error) {
            return false;
        }
    }

    private static final class AcceptAnyHostKey implements ServerKeyDatabase {
        @Override
        public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress,
                Configuration config) {
            return List.of();
        }

        @Override
        public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                Configuration config, CredentialsProvider provider) {
            return true;
        }
    }
}
