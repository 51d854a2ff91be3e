package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * How one source talks to its server: credentials, network timeout, and SSH host-key checking. Applies itself
 * to a JGit transport command; SSH sessions come from a factory created once per settings object.
 */
final class TransportSettings implements AutoCloseable {
    private final GitCredentials credentials;
    private final Duration timeout;
    private final SshSessions ssh;

    TransportSettings(GitCredentials credentials, Duration timeout, Path knownHosts, boolean strictHostKeys) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.ssh = new SshSessions(credentials instanceof GitCredentials.SshKey key ? key : null, knownHosts,
                strictHostKeys);
    }

    Duration timeout() {
        return timeout;
    }

    /** Returns the network timeout in whole seconds, at least 1, as JGit takes it. */
    int timeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }

    <C extends TransportCommand<C, ?>> C apply(C command) {
        command.setTimeout(timeoutSeconds());
        if (credentials instanceof GitCredentials.Basic basic) {
            command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(basic.user(), basic.password()));
        } else if (credentials instanceof GitCredentials.Token token) {
            command.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(GitCredentials.Token.USER, token.token()));
        }
        command.setTransportConfigCallback(transport -> {
            if (transport instanceof SshTransport sshTransport) {
                sshTransport.setSshSessionFactory(ssh.factory());
            }
        });
        return command;
    }

    @Override
    public void close() {
        ssh.close();
    }
}
