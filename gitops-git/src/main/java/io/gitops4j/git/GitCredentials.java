package io.gitops4j.git;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a {@link GitSource} authenticates to its server: nothing, HTTP basic (user and password), an HTTP token,
 * or an SSH private key.
 *
 * <p>Secrets never appear in {@code toString()}, in log lines or in exception messages: every variant prints
 * {@code ***} in their place. Values are immutable and thread-safe.
 */
public sealed interface GitCredentials {

    /**
     * Returns credentials for anonymous access (the default).
     *
     * @return the shared anonymous credentials
     */
    static GitCredentials none() {
        return None.INSTANCE;
    }

    /**
     * Returns HTTP basic credentials.
     *
     * @param user the user name
     * @param password the password, never shown
     * @return the credentials
     */
    static GitCredentials basic(String user, String password) {
        return new Basic(user, password);
    }

    /**
     * Returns an HTTP access token (GitHub, GitLab, Bitbucket personal or app tokens), sent as the password of
     * basic authentication with user {@value Token#USER}, which these servers accept.
     *
     * @param token the token, never shown
     * @return the credentials
     */
    static GitCredentials token(String token) {
        return new Token(token);
    }

    /**
     * Returns an SSH private key file (OpenSSH or PEM format) without a passphrase.
     *
     * @param privateKey the key file
     * @return the credentials
     */
    static GitCredentials sshKey(Path privateKey) {
        return new SshKey(privateKey, null);
    }

    /**
     * Returns an SSH private key file protected by {@code passphrase}.
     *
     * @param privateKey the key file
     * @param passphrase the key's passphrase, never shown
     * @return the credentials
     */
    static GitCredentials sshKey(Path privateKey, String passphrase) {
        return new SshKey(privateKey, requireNonNull(passphrase, "passphrase is null"));
    }

    /** No authentication. */
    final class None implements GitCredentials {
        private static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public String toString() {
            return "GitCredentials.none()";
        }
    }

    /**
     * HTTP basic authentication.
     *
     * @param user user name (not secret)
     * @param password password (secret: redacted in {@code toString()})
     */
    record Basic(String user, String password) implements GitCredentials {
        /** Validates the parts. */
        public Basic {
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        @Override
        public String toString() {
            return "GitCredentials.basic(user=" + user + ", password=***)";
        }
    }

    /**
     * An HTTP access token.
     *
     * @param token the token (secret: redacted in {@code toString()})
     */
    record Token(String token) implements GitCredentials {
        /** The user name sent with a token. */
        public static final String USER = "x-access-token";

        /** Validates the token. */
        public Token {
            requireNonNull(token, "token is null");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token is blank");
            }
        }

        @Override
        public String toString() {
            return "GitCredentials.token(***)";
        }
    }

    /**
     * An SSH private key file.
     *
     * @param privateKey path of the private key file
     * @param passphrase passphrase of the key, or null when it has none (secret: redacted in {@code toString()})
     */
    record SshKey(Path privateKey, String passphrase) implements GitCredentials {
        /** Validates the key path. */
        public SshKey {
            requireNonNull(privateKey, "privateKey is null");
            privateKey = privateKey.toAbsolutePath();
        }

        /** Returns the passphrase, if the key has one. */
        public Optional<String> optionalPassphrase() {
            return Optional.ofNullable(passphrase);
        }

        @Override
        public String toString() {
            return "GitCredentials.sshKey(" + privateKey + (passphrase == null ? "" : ", passphrase=***") + ")";
        }
    }
}
