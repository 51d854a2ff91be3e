package io.gitops4j.samples.webhook;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a pushed repository and ref to the fetch keys of the sources that read them. Repository URLs match
 * case-insensitively and without a trailing {@code /} or {@code .git}, so a route for
 * {@code https://github.com/acme/shop.git} matches GitHub's {@code clone_url} and {@code html_url} alike.
 * Immutable and thread-safe.
 */
public final class SourceRoutes {
    private final List<Route> routes;

    private SourceRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** One route: a repository, a ref, and the fetch key to trigger. */
    private record Route(String repository, String ref, String fetchKey) {
    }

    /**
     * Returns a builder of routes.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the fetch keys a push triggers.
     *
     * @param push the push
     * @return the keys, in route order, without repeats; empty when no route matches
     */
    public Set<String> fetchKeysFor(PushEvent push) {
        Set<String> keys = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.ref().equals(push.ref())
                    && push.repositoryUrls().stream().map(SourceRoutes::normalise).anyMatch(route.repository()::equals)) {
                keys.add(route.fetchKey());
            }
        }
        return keys;
    }

    static String normalise(String url) {
        String clean = url.trim().toLowerCase(Locale.ROOT);
        while (clean.endsWith("/")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        return clean.endsWith(".git") ? clean.substring(0, clean.length() - 4) : clean;
    }

    /** Collects routes. Not thread-safe. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a route.
         *
         * @param repositoryUrl the repository as the Git host names it, e.g. {@code https://github.com/acme/shop}
         * @param ref a branch name ({@code main}) or a full ref ({@code refs/tags/v1})
         * @param fetchKey the {@link io.gitops4j.source.DesiredStateSource#fetchKey()} of the sources to trigger
         * @return this builder
         */
        public Builder route(String repositoryUrl, String ref, String fetchKey) {
            requireNonNull(repositoryUrl, "repositoryUrl is null");
            requireNonNull(ref, "ref is null");
            requireNonNull(fetchKey, "fetchKey is null");
            if (fetchKey.isEmpty()) {
                throw new IllegalArgumentException("fetchKey is empty: that source cannot be triggered by key");
            }
            routes.add(new Route(normalise(repositoryUrl), ref.startsWith("refs/") ? ref : "refs/heads/" + ref,
                    fetchKey));
            return this;
        }

        /**
         * Builds the routes.
         *
         * @return the routes
         */
        public SourceRoutes build() {
            return new SourceRoutes(routes);
        }
    }
}
