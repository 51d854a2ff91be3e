package io.gitops4j.samples.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceRoutesTest {
    private final SourceRoutes routes = SourceRoutes.builder()
            .route("https://GitHub.com/acme/shop.git/", "main", "shop@main")
            .route("https://github.com/acme/shop", "refs/tags/v1", "shop@v1").build();

    @Test
    void matchesAnyUrlOfThePushIgnoringCaseTrailingSlashAndDotGit() {
        PushEvent push = new PushEvent("github", List.of("git@github.com:acme/shop.git",
                "https://github.com/Acme/Shop"), "refs/heads/main");

        assertThat(routes.fetchKeysFor(push)).containsExactly("shop@main");
    }

    @Test
    void aBranchRouteDoesNotMatchATagOfTheSameName() {
        PushEvent tag = new PushEvent("gitlab", List.of("https://github.com/acme/shop"), "refs/tags/main");

        assertThat(routes.fetchKeysFor(tag)).isEmpty();
        assertThat(routes.fetchKeysFor(new PushEvent("gitlab", List.of("https://github.com/acme/shop"),
                "refs/tags/v1"))).containsExactly("shop@v1");
    }
}
