package io.gitops4j.git;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jgit.transport.URIish;

/**
 * A repository location split into what may be shown and stored ({@link #url()}: never a password, and no user
 * for HTTP) and credentials found in it ({@code https://user:token@host/...}), which then travel only through a
 * credentials provider.
 */
record RemoteUrl(String url, GitCredentials embeddedCredentials) {

    static RemoteUrl parse(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("repository URI is null or blank");
        }
        String trimmed = location.trim();
        if (!trimmed.contains("://") && !looksLikeScp(trimmed)) {
            return new RemoteUrl(Path.of(trimmed).toAbsolutePath().normalize().toUri().toString(),
                    GitCredentials.none());
        }
        URIish uri;
        try {
            uri = new URIish(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redact(trimmed) + "' is not a valid Git repository URI", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("http") || scheme.equals("https");
        GitCredentials embedded = GitCredentials.none();
        if (http && uri.getUser() != null && uri.getPass() != null) {
            embedded = GitCredentials.basic(uri.getUser(), uri.getPass());
        } else if (http && uri.getUser() != null) {
            embedded = GitCredentials.token(uri.getUser());
        }
        URIish shown = uri.setPass(null);
        if (http) {
            shown = shown.setUser(null);
        }
        return new RemoteUrl(shown.toString(), embedded);
    }

    private static boolean looksLikeScp(String location) {
        int colon = location.indexOf(':');
        int slash = location.indexOf('/');
        return colon > 1 && (slash < 0 || colon < slash);
    }

    private static String redact(String location) {
        return location.replaceAll("//[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        return url;
    }
}
