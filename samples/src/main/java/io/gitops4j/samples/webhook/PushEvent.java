package io.gitops4j.samples.webhook;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A push a Git host reported: which host, the repository's URLs as the payload gives them (clone and web URLs),
 * and the full ref pushed.
 *
 * @param provider {@code "github"} or {@code "gitlab"}
 * @param repositoryUrls the repository's URLs, none empty
 * @param ref the full ref, e.g. {@code refs/heads/main}
 */
public record PushEvent(String provider, List<String> repositoryUrls, String ref) {

    /** Validates and copies the components. */
    public PushEvent {
        requireNonNull(provider, "provider is null");
        repositoryUrls = List.copyOf(requireNonNull(repositoryUrls, "repositoryUrls is null"));
        requireNonNull(ref, "ref is null");
    }
}
